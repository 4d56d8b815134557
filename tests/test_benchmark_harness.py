"""The benchmark harness (python -m benchmarks): its brute-force regexes count what the project's
tokenizer counts, and its query-class runner works end to end on the bundled seeds."""
from __future__ import annotations

import copy
import json
import re

import pytest

from benchmarks.baselines import phrase_regex, prefix_regex, proximity_pairs, regex_spans, word_regex
from corpus.text import tokenize

from .conftest import FRUS_V05_TEXT, SEED_FILE, SEEDS, WILSON_CSV

# Hyphens split words (issue 11): "sino", "cease", "non" and "nuclear" occur as parts of compounds;
# "s" and "t" occur alone and also inside U.S. and don't, which must not count.
WORDS = ["soviet", "the", "khrushchev", "u.s", "u.s.s.r", "p.m", "3.5", "sino", "cease", "non", "nuclear", "we've",
         "i'm", "s", "t"]
PHRASES = [("soviet", "union"), ("the", "soviet", "union"), ("united", "states"), ("u.s", "government"),
           ("soviet", "american"), ("non", "nuclear"), ("cease", "fire")]
PREFIXES = ["blockad", "sovie", "khrushch", "u.s", "u.s.", "761."]


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in (FRUS_V05_TEXT, SEED_FILE, WILSON_CSV)]


@pytest.fixture(scope="module")
def seed_tokens(seed_texts) -> list[list[str]]:
    return [tokenize(text) for text in seed_texts]


def _token_count(tokens: list[str], words: tuple[str, ...]) -> int:
    n = len(words)
    return sum(1 for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n]) == words)


@pytest.mark.parametrize("word", WORDS)
def test_word_regex_counts_whole_tokens(seed_texts, seed_tokens, word):
    expected = sum(tokens.count(word) for tokens in seed_tokens)
    assert expected > 0, f"{word!r} should occur in the seeds for this test to mean something"
    assert sum(len(word_regex(word).findall(text)) for text in seed_texts) == expected


@pytest.mark.parametrize("words", PHRASES)
def test_phrase_regex_counts_consecutive_tokens(seed_texts, seed_tokens, words):
    expected = sum(_token_count(tokens, words) for tokens in seed_tokens)
    assert expected > 0
    assert sum(len(list(regex_spans(phrase_regex(words), text))) for text in seed_texts) == expected


@pytest.mark.parametrize("prefix", PREFIXES)
def test_prefix_regex_counts_tokens_starting_with_it(seed_texts, seed_tokens, prefix):
    expected = sum(sum(t.startswith(prefix) for t in tokens) for tokens in seed_tokens)
    assert expected > 0
    assert sum(len(prefix_regex(prefix).findall(text)) for text in seed_texts) == expected


def test_a_hyphenated_compound_is_the_phrase_of_its_parts_and_repeats_overlap(seed_texts):
    # "Soviet-American" occurs 27 times in the seeds and "Soviet American" never: the phrase finds all 27
    assert sum(len(re.findall("(?i)soviet-american", text)) for text in seed_texts) == 27
    assert sum(len(phrase_regex(("soviet", "american")).findall(text)) for text in seed_texts) == 27
    text = "the Soviet-Union and Soviet Union"
    assert list(regex_spans(phrase_regex(("soviet", "union")), text)) == [(4, 16), (21, len(text))]
    assert word_regex("union").findall("Soviet-Union bases.Union") == ["Union", "Union"]
    assert word_regex("s").findall("U.S. Kennedy's s") == ["s"]
    text = "very very very good"
    assert len(list(regex_spans(phrase_regex(("very", "very")), text, overlapping=True))) == \
        _token_count(tokenize(text), ("very", "very")) == 2


def test_proximity_counts_pairs_within_slop_plus_one():
    tokens = tokenize("missile x bases y z missile bases")
    # pairs (missile at 0 or 5, bases at 2 or 6) at most 2 apart: (0, 2), (5, 6)
    assert proximity_pairs(tokens, "missile", "bases", 1) == [(0, 2), (5, 6)]
    assert len(proximity_pairs(tokens, "missile", "bases", 5)) == 4


# ---------------------------------------------------------------- the runner on the seeds


@pytest.fixture(scope="module")
def seed_run(corpus_index, tmp_path_factory):
    """The harness's measurements on the seeds' instance (conftest: `seeds/` ingested and indexed
    into a temporary folder), with reps=1 and two queries per kind."""
    from benchmarks.__main__ import measure, results_of
    from benchmarks.build import corpus_figures
    catalog, instance, _engine = corpus_index
    figures = corpus_figures(catalog)
    measured, qset = measure(instance, tmp_path_factory.mktemp("bench"), reps=1, per_kind=2, qset=None)
    measured["build"].update(figures)
    results = results_of("test", True, 1, [str(SEEDS)], [{"scale": 1, **measured}], qset)
    return json.loads(json.dumps(results, default=str))


def test_every_class_has_numbers_and_agrees(seed_run):
    from benchmarks.queryset import KINDS, VARIANTS
    classes = seed_run["scales"][0]["classes"]
    assert set(classes) == {f"{k} / {v}" for k in KINDS for v in VARIANTS}
    for name, c in classes.items():
        assert c["queries"] >= 2, name
        for who in ("ours", "fts5", "brute"):
            assert c[who]["runs"] == c["queries"] and c[who]["median_ms"] > 0, (name, who)
        assert c["agreement"], (name, c["mismatches"])
    assert seed_run["agreement"] is True
    assert seed_run["scales"][0]["distribution"]["agreement"]
    assert seed_run["query_set"]["queries"] and seed_run["query_set"]["speaker_ids"]


def test_report_renders(seed_run):
    from benchmarks.report import markdown
    text = markdown(seed_run)
    assert "## Queries (1x)" in text and "phrase2 / date+speaker" in text
    assert "None: for every query" in text



def _with_ours(run: dict, classes: str, p95_ms: float) -> dict:
    changed = copy.deepcopy(run)
    for name, c in changed["scales"][0]["classes"].items():
        if name.startswith(classes):
            c["ours"]["p95_ms"] = p95_ms
    return changed


def test_targets_follow_the_measured_figures(seed_run):
    from benchmarks.report import targets
    met = {what: ok for what, _figures, ok in targets(_with_ours(seed_run, "phrase", 0.001))}
    assert met["phrase query p95 <= FTS5 p95"] is True
    failing = _with_ours(seed_run, "phrase3 / speaker", 1e9)
    what, figures, ok = targets(failing)[0]
    assert (what, ok) == ("phrase query p95 <= FTS5 p95", False)
    assert figures.startswith("worst: phrase3 / speaker, 1,000,000,000.0 vs ")
    sort = seed_run["scales"][0]["context_sort"]
    r1 = next(t for t in targets(seed_run) if t[0].startswith("KWIC by R1"))
    assert r1[1].startswith(f"{sort['hits']:,} hits: ") and r1[2] is False     # the seeds have < 100,000 hits


def test_growth_target_names_each_figure_over_double(seed_run):
    from benchmarks.report import targets
    doubled = copy.deepcopy(seed_run["scales"][0])
    doubled["scale"] = 2
    doubled["classes"]["word / alone"]["ours"]["median_ms"] *= 2.5
    run = {**seed_run, "scales": [seed_run["scales"][0], doubled]}
    what, figures, ok = targets(run)[-1]
    assert (what, figures, ok) == ("doubling the corpus no more than doubles any of our figures",
                                   "over: word / alone median 2.50x (2x)", False)


def test_a_quick_run_never_replaces_the_full_report():
    from benchmarks.__main__ import FULL_REPORT, QUICK_REPORT, RESULTS, parse_args
    quick, full = parse_args(["--quick"]), parse_args([])
    assert (quick.out, quick.json) == (QUICK_REPORT, RESULTS / "quick.json")
    assert (full.out, full.json) == (FULL_REPORT, RESULTS / "latest.json")
