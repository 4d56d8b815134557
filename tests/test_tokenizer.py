"""The tokenizer of issue 11: words split at hyphens, dashes and at a period between two words,
while abbreviations of single letters (U.S., U.S.S.R., p.m.), decimals (3.5) and inner apostrophes
(don't) stay one word; checked on strings, against a tokenizer written out by hand, and on the
State of the Union speeches of the shared corpus (`nuclear` finds every `non-nuclear`)."""
from __future__ import annotations

import re

import pytest

from corpus.text import count_tokens, tokenize
from search.tokenstore import split_words

from .conftest import FRUS_V05_TEXT, SEED_FILE, WILSON_CSV


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _letter(c: str) -> bool:
    return _word_char(c) and not c.isdecimal() and c != "_"


def words_by_hand(text: str) -> list[tuple[str, int, int]]:
    """(lower-case word, start, end) of every word, by a character scan that shares nothing with
    corpus.text.TOKEN_RE: runs of word characters, apostrophes and periods, cut into words."""
    out = []
    for run in re.finditer(r"[\w'.]+", text):
        s, base, i = run.group(), run.start(), 0
        while i < len(s):
            if not _word_char(s[i]):
                i += 1
                continue
            end = _abbreviation_end(s, i) or _word_end(s, i)
            out.append((s[i:end].lower(), base + i, base + end))
            i = end
    return out


def _abbreviation_end(s: str, i: int) -> int | None:
    """End of single letters joined by periods starting at i (U.S.S.R -> after the R), or None."""
    if not _letter(s[i]):
        return None
    k = i
    while k + 2 < len(s) and s[k + 1] == "." and _letter(s[k + 2]):
        k += 2
    if k + 1 < len(s) and _word_char(s[k + 1]):
        k -= 2                                  # the last letter begins a longer word: not part of it
    return k + 1 if k > i else None


def _word_end(s: str, i: int) -> int:
    j = i
    while j < len(s) and _word_char(s[j]):
        j += 1
    while j + 1 < len(s) and _word_char(s[j + 1]) and (
            s[j] == "'" or (s[j] == "." and s[j - 1].isdecimal() and s[j + 1].isdecimal())):
        j += 1
        while j < len(s) and _word_char(s[j]):
            j += 1
    return j


CASES = [
    ("non-nuclear pre-atomic", ["non", "nuclear", "pre", "atomic"]),
    ("the Soviet Union-and the", ["the", "soviet", "union", "and", "the"]),
    ("missile bases.The", ["missile", "bases", "the"]),
    ("IL-28s and MIG-21", ["il", "28s", "and", "mig", "21"]),
    ("non\u2013nuclear, non\u2014nuclear, non\u2010nuclear, non\u2212nuclear", ["non", "nuclear"] * 4),
    ("The U.S. and the U.S.S.R. at 3 p.m. in Washington, D.C.",
     ["the", "u.s", "and", "the", "u.s.s.r", "at", "3", "p.m", "in", "washington", "d.c"]),
    ("U.N. U.S.-Soviet U.S.Army", ["u.n", "u.s", "soviet", "u.s", "army"]),
    ("don't Khrushchev's rock'n'roll chiefs' 'tis", ["don't", "khrushchev's", "rock'n'roll", "chiefs", "tis"]),
    ("3.5 percent, 1,000 men, 1962.The end, 761.5411", ["3.5", "percent", "1", "000", "men", "1962", "the", "end",
                                                        "761.5411"]),
    ("Mr.Khrushchev Ph.D. e.g. a.b.cd", ["mr", "khrushchev", "ph", "d", "e.g", "a.b", "cd"]),
]


@pytest.mark.parametrize("text, words", CASES, ids=[c[0][:24] for c in CASES])
def test_words_are_split_at_dashes_and_periods_but_not_abbreviations(text, words):
    assert tokenize(text) == words
    assert [w for w, _s, _e in words_by_hand(text)] == words
    assert count_tokens(text) == len(words)


def test_the_tokenizer_agrees_with_the_hand_written_scan_on_the_seeds():
    for path in (FRUS_V05_TEXT, SEED_FILE, WILSON_CSV):
        text = path.read_text(encoding="utf-8")
        from corpus.text import TOKEN_RE
        assert [(m.group().lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)] == words_by_hand(text)


def test_the_index_stream_breaks_sentences_at_a_period_between_words():
    words, stream = split_words("missile bases.The U.S. said no-one left at 3.5 p.m. today")
    assert words == ["missile", "bases", "the", "u.s", "said", "no", "one", "left", "at", "3.5", "p.m", "today"]
    assert stream == ["missile", "bases", None, "the", "u.s", "said", "no", "one", "left", "at", "3.5", "p.m",
                      "today"]


# ---------------------------------------------------------------- on real documents

UN_1972_TUNISIA = "ungdc/TXT/Session 27 - 1972/TUN_27_1972.txt"


@pytest.fixture(scope="module")
def speeches(tmp_path_factory):
    """The 60 State of the Union addresses of ../shared/corpus/miller-center-speeches and Tunisia's
    1972 UN general debate speech (it has "Soviet Union-and"), ingested and indexed: (engine,
    {document id: text})."""
    import shutil
    from sqlalchemy import select

    from corpus.db import Catalog
    from corpus.ingest import ingest
    from corpus.models import Document
    from search.engine import SearchEngine
    from search.indexer import Indexer

    from .conftest import shared_corpus_dir
    shared = shared_corpus_dir()
    if shared is None:
        pytest.skip("../shared/corpus is not present")
    folder = tmp_path_factory.mktemp("sotu-files")
    for path in sorted((shared / "miller-center-speeches" / "data").glob("*state-union*")):
        shutil.copy(path, folder)
    shutil.copy(shared / UN_1972_TUNISIA, folder)
    instance = tmp_path_factory.mktemp("sotu-instance")
    catalog = Catalog.for_instance(instance)
    ingest(catalog, [folder])
    Indexer(catalog, instance).rebuild()
    with catalog.session() as s:
        texts = dict(s.execute(select(Document.id, Document.text)).all())
    engine = SearchEngine(catalog, instance)
    yield engine, texts
    engine.close()
    catalog.dispose()


def _all_hits(engine, query: str) -> list:
    from search.engine import SearchRequest
    first = engine.search(SearchRequest(query=query, limit=1000, width=3))
    assert first.total_hits == len(first.hits)
    return first.hits


def _found(texts: dict[str, str], pattern: str) -> list[tuple[str, int, int]]:
    return sorted((doc_id, m.start(), m.end()) for doc_id, text in texts.items()
                  for m in re.finditer(pattern, text, re.IGNORECASE))


def test_nuclear_finds_every_non_nuclear_in_the_state_of_the_union(speeches):
    engine, texts = speeches
    assert len([d for d in texts if "state-union" in d]) == 60
    hits = _all_hits(engine, "nuclear")
    # Independently: "nuclear" not glued to a letter, digit or apostrophe (hyphens and periods split).
    assert sorted((h.doc_id, h.start, h.end) for h in hits) == _found(texts, r"(?<![\w'])nuclear(?![\w']|\.\w)")
    assert len(hits) == 210
    inside = sorted((h.doc_id, h.start - 4, h.end) for h in hits if h.left.endswith("non-"))
    assert inside == _found(texts, r"non-nuclear") and len(inside) == 4
    compound = _all_hits(engine, "non-nuclear")
    assert sorted((h.doc_id, h.start, h.end) for h in compound) == inside
    assert [h.match for h in compound] == ["non-nuclear"] * 4
    assert sorted((h.doc_id, h.start, h.end) for h in _all_hits(engine, "non-nuc*")) == inside


def test_a_kwic_line_highlights_the_word_inside_the_compound(speeches):
    engine, _texts = speeches
    line = next(h for h in _all_hits(engine, "nuclear") if h.doc_id.endswith("1962-01-11-state-union-address")
                and h.left.endswith("non-"))
    # three words each side: "non" is the word just left of the hit
    assert (line.left, line.match, line.right) == ("to resist non-", "nuclear", "or limited attacks")
    assert _texts[line.doc_id][line.start - 4:line.end] == "non-nuclear"


def test_soviet_union_finds_a_dash_typed_as_a_hyphen(speeches):
    engine, texts = speeches
    hits = [h for h in _all_hits(engine, '"soviet union"') if "TUN" in h.doc_id]
    assert [(h.match, h.right) for h in hits] == [("Soviet Union", "-and we reiterate"), ("Soviet Union", "or of the")]
    union = _all_hits(engine, '"soviet union"')
    assert len(union) == len(_found(texts, r"(?<![\w'])soviet\s+union(?![\w']|\.\w)")) == 82


def test_a_missing_space_after_a_period_splits_the_words(speeches):
    engine, texts = speeches
    hits = [h for h in _all_hits(engine, "slowed") if h.right.startswith(".And")]
    assert [(h.match, h.right) for h in hits] == [("slowed", ".And our businesses")]
    years = [h for h in _all_hits(engine, '"six years"') if h.right.startswith(".And")]
    assert len(years) == 1 and years[0].doc_id.endswith("2016-01-12-2016-state-union-address")


def test_abbreviations_stay_one_word_in_the_speeches(speeches):
    engine, texts = speeches
    hits = _all_hits(engine, "U.S.")
    assert {h.match for h in hits} == {"U.S"}
    assert len(hits) == len(_found(texts, r"(?<![\w.])U\.S(?=\.(?!\w)|[^\w.]|$)")) > 0
    alone = _all_hits(engine, "s")                          # "Harry S. Truman", never the S of U.S.
    assert alone and not [h for h in alone if texts[h.doc_id][h.start - 2:h.start] == "U."]
