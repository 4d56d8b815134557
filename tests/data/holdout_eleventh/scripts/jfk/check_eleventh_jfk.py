"""Check records.json with the scorer's own lookup (tests.test_speakers._paragraph_start, as
tests/test_holdout.py calls it): every passage is found at the start of a paragraph, in order, on
different paragraphs; ids and titles equal the reader's; every evidence piece occurs in its paragraph;
section starts are found too. Runs no speaker code and prints no reader metadata."""
import json
import sys
from pathlib import Path

sys.path.insert(0, "/work/main")
from corpus.readers import ReadOptions, frontmatter  # noqa: E402
from corpus.record import DocumentRecord  # noqa: E402
from corpus.text import clean_inline  # noqa: E402
from tests.test_speakers import _paragraph_start  # noqa: E402

CORPUS = Path("/work/shared/corpus")
KEY = Path("/work/main/tests/data/holdout_eleventh/records.json")
READERS = {"frontmatter": frontmatter}

bad = 0
total = 0


def fail(*msg):
    global bad
    bad += 1
    print("BAD", *msg)


if not KEY.is_file():  # no JFK file was left to label (see check_pool.py): the scorer skips the set
    print(f"no {KEY.name} in {KEY.parent.name} (no eligible JFK file); passages 0, bad 0")
    sys.exit(0)
gold = json.loads(KEY.read_text(encoding="utf-8"))
for doc in gold:
    path = CORPUS / doc["file"]
    records = {r.native_id: r for r in READERS[doc["reader"]].read(path, path.read_text(encoding="utf-8"),
                                                                     ReadOptions(root=path.parent))
               if isinstance(r, DocumentRecord)}
    record = records.get(doc["native_id"])
    if record is None:
        fail(doc["id"], "no record")
        continue
    if doc["id"] != f"jfk-nara-2025-ocr-cuba:{record.native_id}":
        fail(doc["id"], "id differs from the reader's native_id")
    if doc["title"] != record.title:
        fail(doc["id"], "title differs from the reader's")
    if doc["file"] != f"jfk-nara-2025-ocr-cuba/jfk_markdown/{doc['native_id']}.md":
        fail(doc["id"], "file")
    names = {p["name"] for p in doc["participants"]}
    text = record.text
    last = -1
    seen = set()
    for entry in doc["passages"]:
        total += 1
        start = _paragraph_start(text, clean_inline(entry["starts_with"]))
        if start < 0:
            fail(doc["id"], "not found", repr(entry["starts_with"]))
            continue
        if start > 0 and text[start - 2:start] != "\n\n":
            fail(doc["id"], "not at a paragraph start", repr(entry["starts_with"]))
        if start <= last:
            fail(doc["id"], "out of order", repr(entry["starts_with"]))
        if start in seen:
            fail(doc["id"], "same paragraph twice", repr(entry["starts_with"]))
        seen.add(start)
        last = start
        end = text.find("\n\n", start)
        para = text[start:end if end >= 0 else len(text)]
        if entry["evidence"]:
            for piece in entry["evidence"].split("; "):
                if piece not in para:
                    fail(doc["id"], "evidence not in paragraph", repr(piece), "|", repr(entry["starts_with"]))
        if entry["speaker"] is not None and entry["speaker"] not in names and entry["speaker"] != "Questioner":
            fail(doc["id"], "speaker not among participants", entry["speaker"])
        if entry.get("accept_null") and entry["speaker"] is None:
            fail(doc["id"], "accept_null on a null passage", repr(entry["starts_with"]))
        for field in ("starts_with", "speaker", "evidence", "basis", "kind"):
            if field not in entry:
                fail(doc["id"], "missing field", field)
    for section in doc["sections"]:
        s = _paragraph_start(text, clean_inline(section["starts_with"]))
        if s < 0 or (s > 0 and text[s - 2:s] != "\n\n"):
            fail(doc["id"], "section start not found", repr(section["starts_with"]))
    print(f"{doc['id']}: {len(doc['passages'])} passages checked")
print(f"passages {total}, bad {bad}")
