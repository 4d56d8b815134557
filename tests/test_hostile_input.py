"""Hostile input through the real ingest and the real search front ends (issue 12).

- XML attacks (billion laughs, external entities and DTDs, parameter entities, XInclude) are each
  refused as one file with a clear reason, nothing is fetched (a listening socket would see it),
  and the rest of the batch goes on.
- Files too big for the ingest (200 MB) or for their reader (TEI: 50 MB) are refused after
  reading at most their head, within a memory bound (tracemalloc), on sparse files made here.
- Binary files, bad encodings, NULs and lone surrogates in text and in metadata (front matter,
  CSV and JSON Lines cells, TEI attributes, file names): a one-line rejection naming the file, or
  a clean read with nothing unstorable in the catalog; never a crash of the batch.
- Query limits (length, word length, terms, nesting, proximity, prefixes, wildcard expansion,
  time): each has an exact message, given by `corpus search --json` (exit 2) and by the site
  (400, on the page and in the API).
"""
from __future__ import annotations

import itertools
import json
import socket
import tracemalloc
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from markupsafe import escape
from sqlalchemy import select

from corpus.db import Catalog
from corpus.ingest import IngestOptions, Ingester, ingest
from corpus.models import Document, Participant, Person, SourceFile
from search.indexer import Indexer
from web import create_app
from web.cli import cli

from .conftest import DATA, SEED_FILE
from .timeouts import hard_timeout

MB = 1024 * 1024
TEI_NS = "http://www.tei-c.org/ns/1.0"
GOOD_TEXT = "The blockade of Cuba began on October 24, 1962.\n\nShips turned back at the line.\n"


@pytest.fixture
def catalog(tmp_path):
    cat = Catalog.for_instance(tmp_path / "instance")
    yield cat
    cat.dispose()


def run_ingest(catalog, paths, **options):
    """The ingest in this process (so tracemalloc and the socket watch see it), bounded in time."""
    with hard_timeout(60, "the ingest"):
        return Ingester(catalog, IngestOptions(**options), workers=0).run(list(paths))


def reasons(report) -> dict[str, str]:
    """{file name (and record): reason} of every rejected file or record."""
    return {p.where.rsplit("/", 1)[-1]: p.reason for p in report.rejected}


def tei(body: str, doctype: str = "", head: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (f'{head}{doctype}<TEI xmlns="{TEI_NS}" xml:id="hostile"><text><body>'
            f'<div type="document" xml:id="d1"><head>A memorandum</head>{body}</div></body></text></TEI>')


# ---------------------------------------------------------------- XML attacks

@pytest.fixture
def listener():
    """A listening TCP socket on 127.0.0.1: any attempt to fetch from it is queued in its backlog,
    so accept() after the ingest tells whether anything tried to connect."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


def connections(sock: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


DTD_REFUSED = "XML with a DTD (<!DOCTYPE>) is refused: DTDs and entities are not allowed"


def xml_attacks(url: str, secret: Path) -> dict[str, tuple[str, str]]:
    """{file name: (XML, the reason it is refused)}."""
    return {
        "billion-laughs.xml": ((DATA / "tei" / "billion-laughs.xml").read_text(encoding="utf-8"), DTD_REFUSED),
        "external-entity-file.xml": (tei("<p>&secret;</p>", f'<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file://{secret}">]>'),
                                     DTD_REFUSED),
        "external-entity-http.xml": (tei("<p>&remote;</p>", f'<!DOCTYPE TEI [<!ENTITY remote SYSTEM "{url}/e">]>'),
                                     DTD_REFUSED),
        "external-dtd.xml": (tei("<p>Text.</p>", f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">'), DTD_REFUSED),
        "public-dtd.xml": (tei("<p>Text.</p>", f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD" "{url}/p.dtd">'), DTD_REFUSED),
        "parameter-entity.xml": (tei("<p>Text.</p>", f'<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "{url}/pe"> %pe;]>'),
                                 DTD_REFUSED),
        "undeclared-entity.xml": (tei("<p>&nbsp;</p>"), "malformed XML: undefined entity: line 1, column 169"),
    }


def test_xml_attacks_are_refused_per_file_without_network(catalog, tmp_path, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    batch = tmp_path / "batch"
    batch.mkdir()
    attacks = xml_attacks(url, secret)
    for name, (xml, _) in attacks.items():
        (batch / name).write_text(xml, encoding="utf-8")
    (batch / "good.xml").write_text(tei("<p>The blockade holds.</p>"), encoding="utf-8")
    report = run_ingest(catalog, [batch])
    assert reasons(report) == {name: reason for name, (_, reason) in attacks.items()}
    assert report.added == ["hostile:d1"]
    assert connections(listener) == 0
    with catalog.session() as s:
        texts = list(s.scalars(select(Document.text)))
    assert texts == ["The blockade holds."]


def test_xinclude_is_not_followed(catalog, tmp_path, listener):
    """XInclude is not processed: the include element is dropped, the file it names is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    path = tmp_path / "xinclude.xml"
    path.write_text(tei(f'<p>Before. <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" '
                        f'parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/x"/> '
                        "After.</p>"), encoding="utf-8")
    report = run_ingest(catalog, [path])
    assert report.added == ["hostile:d1"] and not report.rejected
    assert connections(listener) == 0
    with catalog.session() as s:
        assert s.scalar(select(Document.text)) == "Before. After."


# ---------------------------------------------------------------- size limits and memory

def sparse_file(path: Path, head: bytes, size: int) -> Path:
    """A file of `size` bytes that takes no disk: `head`, then a hole of NULs."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def ingest_measured(catalog, paths) -> tuple[object, int]:
    """The report and the peak of Python memory allocated during the ingest."""
    tracemalloc.start()
    try:
        report = run_ingest(catalog, paths)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return report, peak


def test_a_100_mb_xml_file_is_refused_after_reading_its_head(catalog, tmp_path):
    """The TEI reader takes up to 50 MB; a 100 MB volume is refused from its size and its first
    64 KB, so the ingest allocates a few MB, not the 100 MB (and more) reading it would take."""
    head = tei("<p>" + "Text of the volume. " * 4000 + "</p>").encode("utf-8")[:-40]
    assert len(head) > 65536
    big = sparse_file(tmp_path / "volume.xml", head, 100 * MB)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    report, peak = ingest_measured(catalog, [big, good])
    assert reasons(report) == {"volume.xml": "file too large for the frus-tei reader (100.0 MB; its limit is 50 MB)"}
    assert len(report.added) == 1
    assert peak < 16 * MB, peak


def test_a_file_over_the_ingest_limit_is_refused_before_it_is_read(catalog, tmp_path):
    big = sparse_file(tmp_path / "huge.txt", b"Some text. " * 10, 300 * MB)
    report, peak = ingest_measured(catalog, [big])
    assert reasons(report) == {"huge.txt": "file too large (300.0 MB; the limit is 200 MB)"}
    assert peak < 16 * MB, peak


def test_a_file_that_grows_after_the_size_check_is_not_read_past_the_limit(tmp_path, monkeypatch):
    """The size is checked on the open file, then at most limit + 1 bytes are read: a file that
    grows meanwhile (here: fstat lies) is refused without being read whole."""
    from corpus import ingest as ingest_module
    path = tmp_path / "growing.txt"
    path.write_bytes(b"word " * 300_000)
    monkeypatch.setattr(ingest_module.os, "fstat", lambda fd: SimpleNamespace(st_size=100))
    problem = ingest_module.open_document_file(path, MB)
    assert problem.reason == "file too large (it grew past the limit of 1 MB while it was read)"


# ---------------------------------------------------------------- encodings, NULs, surrogates

FRONT_MATTER_ESCAPES = ('---\ntitle: "A memo \\ud800 on \\0 Cuba"\nsubject: "\\udc00 x"\nparticipants:\n'
                        '  - name: "Dean \\ud83d Rusk"\n---\nThe memorandum \\ud800 text.\n')
HOSTILE_FILES = {
    # name: (bytes, reason it is rejected, or None when it is read)
    "scan.txt": (b"%PDF-1.4\x00\x00\x01\x02binary", "binary file, not text"),
    "controls.txt": (bytes(range(1, 32)) * 20, "binary file, not text"),
    "latin1.txt": ("Fidel Castro à la Havane".encode("latin-1"),
                   "not UTF-8 text (undecodable byte 0xe0 at byte 13); convert it to UTF-8 and ingest it again"),
    "overlong.txt": (b"slash \xc0\xaf here",
                     "not UTF-8 text (undecodable byte 0xc0 at byte 6); convert it to UTF-8 and ingest it again"),
    "cesu-surrogate.txt": (b"half \xed\xa0\x80 a pair",
                           "not UTF-8 text (undecodable byte 0xed at byte 5); convert it to UTF-8 and ingest it again"),
    "truncated-utf8.txt": ("Хрущёв".encode("utf-8")[:-1],
                           "not UTF-8 text (undecodable byte 0xd0 at byte 10); convert it to UTF-8 and ingest it again"),
    "odd-utf16.txt": ("\ufeffodd".encode("utf-16-le") + b"x",
                      "not UTF-16 text (undecodable byte 0x78 at byte 8); convert it to UTF-8 and ingest it again"),
    "lone-surrogate-utf16.txt": (b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le"),
                                 "not UTF-16 text (undecodable byte 0x00 at byte 6); convert it to UTF-8 and ingest "
                                 "it again"),
    "utf16.txt": ("The blockade, in UTF-16.\n\nA second paragraph.".encode("utf-16"), None),
    "late-nul.txt": (b"Words before. " * 700 + b"\x00\x00NUL inside.\n", "binary file, not text (a NUL byte at byte 9800)"),
    "nul-utf16.txt": ("Text, then \x00 a NUL.".encode("utf-16"), "binary file, not text"),
    "escapes.md": (FRONT_MATTER_ESCAPES.encode("utf-8"), None),
    "binary-yaml.md": (b"---\ntitle: Scan\nscan: !!binary aGVsbG8=\n---\nThe text of the scan.\n", None),
    "cells.csv": (b'id,title,text\nr1,"NUL \x00 title",Row one text.\n', "binary file, not text"),
    "late-nul.csv": (b"id,title,text\n" + b"".join(b"r%d,Title %d,Row %d text.\n" % (i, i, i) for i in range(500))
                     + b'x1,"NUL \x00 title",The row with a NUL.\n', "binary file, not text (a NUL byte at byte 14192)"),
    "rows.jsonl": (b'{"id": "j\\ud800", "title": "T \\u0000 \\udfff", "text": "Row \\ud800 text.", "extra": [1, "\\udc00"]}\n'
                   b'{"id": "j2", "title": "Fine", "text": "A fine row."}\n', None),
    "attr-charref.xml": (tei('<p rend="&#0;">x</p>').encode("utf-8"),
                         "malformed XML: reference to invalid character number: line 1, column 175"),
    "attr-control.xml": (tei('<p rend="\x01">x</p>').encode("utf-8"),
                         "malformed XML: not well-formed (invalid token): line 1, column 175"),
    "surrogate-charref.xml": (tei("<p>&#xD800;</p>").encode("utf-8"),
                              "malformed XML: reference to invalid character number: line 1, column 169"),
}
BAD_NAME = b"bad-\xff-name.txt"


@pytest.fixture
def hostile_batch(tmp_path) -> Path:
    batch = tmp_path / "batch"
    batch.mkdir()
    for name, (data, _) in HOSTILE_FILES.items():
        (batch / name).write_bytes(data)
    with open(bytes(batch) + b"/" + BAD_NAME, "wb") as handle:
        handle.write(b"A file whose name is not UTF-8.\n")
    (batch / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return batch


def test_hostile_files_are_rejected_one_by_one_and_the_rest_is_read(catalog, hostile_batch):
    report = run_ingest(catalog, [hostile_batch])
    expected = {name: reason for name, (_, reason) in HOSTILE_FILES.items() if reason}
    expected["bad-\ufffd-name.txt"] = "the file name is not valid UTF-8 or holds control characters; rename the file"
    expected["binary-yaml.md (binary-yaml)"] = ("the metadata field 'scan' cannot be stored: it holds binary data "
                                                "(a YAML !!binary value?); write it as text")
    assert reasons(report) == expected
    assert sorted(report.added) == ["batch:escapes", "batch:good", "batch:j2", "batch:j\ufffd", "batch:utf16"]


def test_what_is_read_from_hostile_files_is_clean(catalog, hostile_batch):
    """NULs become spaces and lone surrogates U+FFFD, in the text and in every metadata field."""
    run_ingest(catalog, [hostile_batch])
    with catalog.session() as s:
        docs = {d.id: d for d in s.scalars(select(Document))}
        assert docs["batch:utf16"].text == "The blockade, in UTF-16.\n\nA second paragraph."
        memo = docs["batch:escapes"]
        assert (memo.title, memo.text, memo.extra["subject"]) == ("A memo \ufffd on Cuba", "The memorandum \\ud800 text.",
                                                                   "\ufffd x")
        assert s.scalars(select(Person.name).join(Participant, Participant.person_id == Person.id)
                         .where(Participant.document_id == "batch:escapes")).all() == ["Dean Rusk"]
        row = docs["batch:j\ufffd"]
        assert (row.title, row.text) == ("T \ufffd", "Row \ufffd text.")
        stored = [value for d in docs.values() for value in (d.id, d.title, d.text, json.dumps(d.extra,
                                                                                              ensure_ascii=False))]
        stored += list(s.scalars(select(Person.name))) + list(s.scalars(select(SourceFile.path)))
    unstorable = [v for v in stored if "\x00" in v or any("\ud800" <= c <= "\udfff" for c in v)]
    assert unstorable == []


def test_metadata_a_reader_passes_through_untyped_rejects_one_record(catalog, tmp_path):
    """A list where the catalog stores text (a Wilson asset's url) stopped the whole ingest at
    the catalog write; now that record is rejected, naming the field, and the batch goes on."""
    path = tmp_path / "assets.json"
    path.write_text(json.dumps([{"asset_id": 1, "html": "<p>The first asset.</p>", "url": [1, 2]},
                                {"asset_id": 2, "html": "<p>The second asset.</p>", "url": "/asset/2"}]),
                    encoding="utf-8")
    report = run_ingest(catalog, [path])
    assert reasons(report) == {"assets.json (transcript-1)": "the field 'url' holds a list value, not text"}
    assert report.added == ["wilson:transcript-2"]


def test_a_yaml_bomb_in_front_matter_is_refused_at_once(catalog, tmp_path):
    """Nine levels of nine aliases: 9^9 values if expanded (minutes and gigabytes before)."""
    bomb = tmp_path / "bomb.md"
    bomb.write_text("---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)) + "---\nBody.\n", encoding="utf-8")
    report, peak = ingest_measured(catalog, [bomb])
    assert reasons(report) == {"bomb.md": "front matter uses a YAML alias (*), line 3; write the value out"}
    assert peak < 16 * MB, peak


def test_the_cli_reports_hostile_files_and_exits_1(tmp_path, hostile_batch):
    """The ingest command prints every rejection (file names made printable) and exits 1."""
    result = CliRunner().invoke(cli, ["--instance", str(tmp_path / "cli-instance"), "ingest", str(hostile_batch)],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert f"{hostile_batch}/scan.txt: binary file, not text" in result.output
    assert (f"{hostile_batch}/bad-\ufffd-name.txt: the file name is not valid UTF-8 or holds control characters; "
            "rename the file") in result.output


# ---------------------------------------------------------------- query limits: CLI and web

PREFIX_WORDS = 301                  # one more than search.engine.MAX_PREFIX_EXPANSION


@pytest.fixture(scope="module")
def limits_instance(tmp_path_factory) -> Path:
    """The seed record and a note holding 301 different words that start with "zqx"."""
    folder = tmp_path_factory.mktemp("limits")
    note = folder / "notes" / "many-words.md"
    note.parent.mkdir()
    words = [f"zqx{a}{b}" for a, b in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=2)][:PREFIX_WORDS]
    note.write_text("---\ntitle: Many words\ndate: 1962-10-22\n---\n" + " ".join(words) + "\n", encoding="utf-8")
    instance = folder / "instance"
    catalog = Catalog.for_instance(instance)
    report = ingest(catalog, [SEED_FILE, note])
    assert len(report.added) == 2, report.rejected
    Indexer(catalog, instance).rebuild()
    catalog.dispose()
    return instance


EXPANSION = f"zqx* matches more than {PREFIX_WORDS - 1} different words; make the prefix longer"
# (id, query, extra parameters, exact message)
QUERY_LIMITS = [
    ("length", " ".join(["x"] * 600), {}, "the query is 1199 characters long; the limit is 1000"),
    ("word length", "Cuba " + "x" * 101, {}, "the word at character 5 is 101 characters long; the limit is 100"),
    ("terms", " ".join(["cuba"] * 51), {}, "the query has 51 terms; the limit is 50"),
    ("nesting", "(" * 11 + "cuba" + ")" * 11, {}, "the query nests parentheses 11 deep; the limit is 10"),
    ("proximity", '"missile bases"~51', {}, "the proximity ~51 at character 15 is too wide; the limit is ~50"),
    ("short prefix", "cu*", {}, 'the prefix "cu*" at character 0 has 2 characters before the *; the minimum is 3'),
    ("leading wildcard", "*ade", {}, '"*ade" at character 0 starts with a wildcard, which would scan every word in '
     "the index; write at least 3 characters before a final *, e.g. blockad*"),
    ("wildcard expansion", "zqx*", {}, EXPANSION),
    ("wildcard expansion by relevance", "zqx*", {"sort": "relevance"}, EXPANSION),
]
TIME_LIMIT = "the search took longer than 10 s; narrow it with a phrase, a date range or a speaker"


@pytest.fixture
def slow_clock(monkeypatch):
    """The engine's clock advances 100 s at every reading, so every search is over its time limit."""
    import search.engine
    ticks = itertools.count(0, 100)
    monkeypatch.setattr(search.engine, "time", SimpleNamespace(perf_counter=lambda: float(next(ticks))))


def cli_search(instance: Path, query: str, params: dict):
    args = ["--instance", str(instance), "search", query, "--json"]
    for key, value in params.items():
        args += [f"--{key}", value]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.mark.parametrize("query, params, message", [q[1:] for q in QUERY_LIMITS], ids=[q[0] for q in QUERY_LIMITS])
def test_query_limits_on_the_cli(limits_instance, query, params, message):
    result = cli_search(limits_instance, query, params)
    assert result.exit_code == 2
    assert json.loads(result.output) == {"error": message}


def test_time_limit_on_the_cli(limits_instance, slow_clock):
    result = cli_search(limits_instance, "blockade", {})
    assert result.exit_code == 2
    assert json.loads(result.output) == {"error": TIME_LIMIT}


@pytest.fixture(scope="module")
def limits_client(limits_instance):
    return create_app({"INSTANCE": limits_instance, "TESTING": True}).test_client()


def web_answers(client, query: str, params: dict) -> tuple:
    """(status and JSON of /api/search, status and page of /search) for the query."""
    url = urlencode({"q": query, **params})
    api, page = client.get(f"/api/search?{url}"), client.get(f"/search?{url}")
    return api.status_code, api.get_json(), page.status_code, page.get_data(as_text=True)


@pytest.mark.parametrize("query, params, message", [q[1:] for q in QUERY_LIMITS], ids=[q[0] for q in QUERY_LIMITS])
def test_query_limits_on_the_web(limits_client, query, params, message):
    api_status, api_json, page_status, page = web_answers(limits_client, query, params)
    assert (api_status, api_json) == (400, {"error": message})
    assert page_status == 400
    assert str(escape(message)) in page


def test_time_limit_on_the_web(limits_client, slow_clock):
    api_status, api_json, page_status, page = web_answers(limits_client, "blockade", {})
    assert (api_status, api_json) == (400, {"error": TIME_LIMIT})
    assert page_status == 400 and TIME_LIMIT in page


def test_a_query_within_the_limits_still_answers(limits_client):
    """The limits refuse only what is past them: 50 terms, nesting 10 deep, a 300-word prefix."""
    fifty = " OR ".join(["blockade"] * 49 + ["zqxaa*"])
    nested = "(" * 10 + "Cuba" + ")" * 10
    for query in (fifty, nested, '"missile bases"~50', "zqxa*"):
        response = limits_client.get("/api/search?" + urlencode({"q": query}))
        assert response.status_code == 200, (query, response.get_json())
