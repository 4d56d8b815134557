"""search.query: the query language of issue 3 parsed to the exact AST, every error message with its
position, every limit refused quickly on a hostile query, and describe() round trips."""
from __future__ import annotations

import time
from datetime import date

import pytest

from corpus.text import tokenize
from search.ast import And, Filter, Not, Or, ParsedQuery, Phrase, Prefix, Word
from search.errors import QuerySyntaxError, QueryTooComplex, SearchError
from search.query import DEFAULT_LIMITS, Limits, describe, parse

W = Word
D = date
SPEAKER_ROCA = Filter("speaker", "Blas Roca")
OCTOBER_1962 = Filter("date", "1962-10", D(1962, 10, 1), D(1962, 10, 31))

# (query, text, filters)
CONSTRUCTS = [
    ("defeat", W("defeat"), ()),
    ("Khrushchev", W("khrushchev"), ()),
    ("Khrushchevʼs", W("khrushchev's"), ()),                      # U+02BC folded like the stored text
    ("Khrushchev’s", W("khrushchev's"), ()),
    ("U.S.", W("u.s"), ()),
    ("U.S.S.R.", W("u.s.s.r"), ()),                                # single letters and periods: one word
    ("p.m.", W("p.m"), ()),
    ("3.5", W("3.5"), ()),                                         # a decimal is one word
    ("IL-28", Phrase(("il", "28")), ()),                           # a hyphen splits: the phrase of the parts
    ("non-nuclear", Phrase(("non", "nuclear")), ()),
    ("non–nuclear", Phrase(("non", "nuclear")), ()),              # an en dash splits alike
    ("bases.The", Phrase(("bases", "the")), ()),                   # a period between two words splits
    ("and", W("and"), ()),                                         # lower-case operators are words
    ("war and peace", And((W("war"), W("and"), W("peace"))), ()),
    ("blockade, quarantine", And((W("blockade"), W("quarantine"))), ()),
    ("blockade — quarantine", And((W("blockade"), W("quarantine"))), ()),   # punctuation-only chunk
    ("why?", W("why"), ()),                                        # a final ? is punctuation
    ("7:30", Phrase(("7", "30")), ()),                             # a colon after digits is text
    ("U.S.-Soviet talks", And((Phrase(("u.s", "soviet")), W("talks"))), ()),
    ("Note: blockade", And((W("note"), W("blockade"))), ()),
    ('"Soviet missile bases"', Phrase(("soviet", "missile", "bases")), ()),
    ("“naval blockade”", Phrase(("naval", "blockade")), ()),        # curly quotes
    ('"Blockade."', W("blockade"), ()),                             # one token in quotes is a Word
    ('"war AND peace"', Phrase(("war", "and", "peace")), ()),
    ('"missile bases"~5', Phrase(("missile", "bases"), 5), ()),
    ('"missile bases"~0', Phrase(("missile", "bases")), ()),
    ('"missile bases"~50', Phrase(("missile", "bases"), 50), ()),
    ("blockad*", Prefix("blockad"), ()),
    ("Blo*", Prefix("blo"), ()),
    ("U.S*", Prefix("u.s"), ()),
    ("don'*", Prefix("don'"), ()),
    ("u.s.*", Prefix("u.s."), ()),                                 # the period stays: u.s.s.r
    ("non-nuc*", Prefix("nuc", ("non",)), ()),                     # a phrase ending in a prefix
    ("U.S.-Sov*", Prefix("sov", ("u.s",)), ()),
    ("blockade quarantine", And((W("blockade"), W("quarantine"))), ()),
    ("blockade AND quarantine", And((W("blockade"), W("quarantine"))), ()),
    ("blockade OR quarantine", Or((W("blockade"), W("quarantine"))), ()),
    ("blockade NOT quarantine", And((W("blockade"), Not(W("quarantine")))), ()),
    ("blockade -quarantine", And((W("blockade"), Not(W("quarantine")))), ()),
    ('Cuba -"naval blockade"', And((W("cuba"), Not(Phrase(("naval", "blockade"))))), ()),
    ("blockade AND NOT quarantine", And((W("blockade"), Not(W("quarantine")))), ()),
    ("NOT quarantine blockade", And((Not(W("quarantine")), W("blockade"))), ()),
    ("a b OR c", Or((And((W("a"), W("b"))), W("c"))), ()),          # AND binds tighter than OR
    ("a OR b c", Or((W("a"), And((W("b"), W("c"))))), ()),
    ("a OR b NOT c", Or((W("a"), And((W("b"), Not(W("c")))))), ()),
    ("(a OR b) c", And((Or((W("a"), W("b"))), W("c"))), ()),
    ("a OR (b OR c)", Or((W("a"), W("b"), W("c"))), ()),           # nested ORs and ANDs flatten
    ("(a b) (c d)", And((W("a"), W("b"), W("c"), W("d"))), ()),
    ("a (NOT b)", And((W("a"), Not(W("b")))), ()),                  # NOT meets its AND outside the group
    ("a (NOT b NOT c)", And((W("a"), Not(W("b")), Not(W("c")))), ()),
    ("a NOT (b OR c)", And((W("a"), Not(Or((W("b"), W("c")))))), ()),
    ('speaker:"Blas Roca" defeat', W("defeat"), (SPEAKER_ROCA,)),
    ("defeat Speaker:Khrushchev", W("defeat"), (Filter("speaker", "Khrushchev"),)),
    ("participant:Rusk", None, (Filter("participant", "Rusk"),)),
    ("source:frus1961-63v05 lang:English type:memcon", None,
     (Filter("source", "frus1961-63v05"), Filter("lang", "English"), Filter("type", "memcon"))),
    ("year:1962", None, (Filter("year", "1962", D(1962, 1, 1), D(1962, 12, 31)),)),
    ("year:1961..1963", None, (Filter("year", "1961..1963", D(1961, 1, 1), D(1963, 12, 31)),)),
    ("date:1962-10", None, (OCTOBER_1962,)),
    ("date:1962", None, (Filter("date", "1962", D(1962, 1, 1), D(1962, 12, 31)),)),
    ("date:1962-10-16..1962-10-28", None,
     (Filter("date", "1962-10-16..1962-10-28", D(1962, 10, 16), D(1962, 10, 28)),)),
    ("date:1962-10..1962-11", None, (Filter("date", "1962-10..1962-11", D(1962, 10, 1), D(1962, 11, 30)),)),
    ("date:..1962-10-27", None, (Filter("date", "..1962-10-27", None, D(1962, 10, 27)),)),
    ("date:1962-10-16..", None, (Filter("date", "1962-10-16..", D(1962, 10, 16), None),)),
    ("date:..1962-10", None, (Filter("date", "..1962-10", None, D(1962, 10, 31)),)),
    ('date:"November 2, 1962"', None, (Filter("date", "November 2, 1962", D(1962, 11, 2), D(1962, 11, 2)),)),
    ("speaker:Kennedy OR speaker:Khrushchev", None,
     (Or((Filter("speaker", "Kennedy"), Filter("speaker", "Khrushchev"))),)),
    ("(speaker:Kennedy OR speaker:Khrushchev) blockade date:1962-10", W("blockade"),
     (Or((Filter("speaker", "Kennedy"), Filter("speaker", "Khrushchev"))), OCTOBER_1962)),
    ("(blockade speaker:Kennedy) quarantine", And((W("blockade"), W("quarantine"))),
     (Filter("speaker", "Kennedy"),)),                              # filters lift out of an AND group
    ("(blockade OR quarantine) speaker:Kennedy", Or((W("blockade"), W("quarantine"))),
     (Filter("speaker", "Kennedy"),)),
]


@pytest.mark.parametrize("query, text, filters", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_constructs_parse_to_the_exact_ast(query, text, filters):
    assert parse(query) == ParsedQuery(text=text, filters=filters, source=query)


def test_words_are_the_tokens_of_corpus_text_tokenize():
    messy = "Khrushchevʼs (U.S.) IL-28s, don’t—Castro's 1962-10-27"
    parsed = parse(f'"{messy}"')
    assert list(parsed.text.words) == tokenize(messy.replace("ʼ", "'").replace("’", "'"))
    assert parsed.text.words == ("khrushchev's", "u.s", "il", "28s", "don't", "castro's", "1962", "10", "27")


# (query, error class, message, position)
ERRORS = [
    ("", QuerySyntaxError, "the query is empty", 0),
    ("  ... !", QuerySyntaxError, "the query has no words to search for", 0),
    ('blockade "naval', QuerySyntaxError,
     'unclosed quote: the phrase starting at character 9 has no closing "', 9),
    ('speaker:"Blas Roca', QuerySyntaxError,
     'unclosed quote: the value starting at character 8 has no closing "', 8),
    ("(blockade OR quarantine)) Cuba", QuerySyntaxError, 'unexpected ")" at character 24', 24),
    (") Cuba", QuerySyntaxError, 'unexpected ")" at character 0', 0),
    ("Cuba (blockade OR quarantine", QuerySyntaxError,
     'unclosed parenthesis: the "(" at character 5 has no closing ")"', 5),
    ("Cuba (", QuerySyntaxError, 'unclosed parenthesis: the "(" at character 5 has no closing ")"', 5),
    ("Cuba ( )", QuerySyntaxError, "empty parentheses at character 5", 5),
    ("blockade AND", QuerySyntaxError, "nothing after AND at character 9", 9),
    ("(blockade OR) Cuba", QuerySyntaxError, "nothing after OR at character 10", 10),
    ("NOT", QuerySyntaxError, "nothing after NOT at character 0", 0),
    ("OR blockade", QuerySyntaxError, "unexpected OR at character 0: OR goes between two search terms", 0),
    ("blockade AND OR quarantine", QuerySyntaxError,
     "unexpected OR at character 13: OR goes between two search terms", 13),
    ("NOT blockade", QuerySyntaxError, "a query cannot be only NOT: the NOT at character 0 needs a word to "
     "search for beside it, e.g. blockade NOT quarantine", 0),
    ("-blockade -quarantine", QuerySyntaxError, "a query cannot be only NOT: the NOT at character 0 needs a "
     "word to search for beside it, e.g. blockade NOT quarantine", 0),
    ("speaker:Khrushchev NOT blockade", QuerySyntaxError, "a query cannot be only NOT: the NOT at character 19 "
     "needs a word to search for beside it, e.g. blockade NOT quarantine", 19),
    ("Cuba OR NOT blockade", QuerySyntaxError, "NOT at character 8 is inside an OR; NOT excludes from an AND, "
     "e.g. (blockade OR quarantine) NOT Cuba", 8),
    ("Cuba NOT NOT blockade", QuerySyntaxError,
     "NOT at character 5 applies to another NOT; two NOTs cancel out: remove both", 5),
    ("Cuba -(NOT blockade)", QuerySyntaxError,
     '"-" at character 5 applies to another NOT; two NOTs cancel out: remove both', 5),
    ("foo:bar", QuerySyntaxError, 'unknown field "foo" at character 0; the fields are speaker, participant, '
     "source, lang, type, year, date (to search for the text, put it in quotes)", 0),
    ("blockade speaker:", QuerySyntaxError,
     'speaker: at character 9 has no value; write e.g. speaker:Khrushchev or speaker:"Blas Roca"', 9),
    ('type:"" memcon', QuerySyntaxError, "type: at character 0 has no value; write e.g. type:memcon", 0),
    ("date:1962-13", QuerySyntaxError, 'not a date: "1962-13" at character 5; write YYYY, YYYY-MM or '
     "YYYY-MM-DD, e.g. date:1962-10-16..1962-10-28", 5),
    ("date:1962-10-16..soon", QuerySyntaxError, 'not a date: "soon" at character 17; write YYYY, YYYY-MM or '
     "YYYY-MM-DD, e.g. date:1962-10-16..1962-10-28", 17),
    ("date:1962-10-28..1962-10-16", QuerySyntaxError,
     'the range "1962-10-28..1962-10-16" at character 5 ends before it starts', 5),
    ("date:..", QuerySyntaxError, '".." at character 5 has no dates; write e.g. date:1962-10-16..1962-10-28', 5),
    ("date:1961..1962..1963", QuerySyntaxError,
     'not a date range: "1961..1962..1963" at character 5; write e.g. date:1962-10-16..1962-10-28', 5),
    ("year:62", QuerySyntaxError, 'not a year: "62" at character 5; write four digits, e.g. year:1962', 5),
    ("speaker:Kennedy OR blockade", QuerySyntaxError,
     "the filter speaker:Kennedy at character 0 is OR-ed with words; filters restrict the whole query and can "
     "only be OR-ed with filters on the same field, in parentheses: e.g. (speaker:Kennedy OR "
     "speaker:Khrushchev) blockade", 0),
    ("speaker:Kennedy OR speaker:Khrushchev blockade", QuerySyntaxError,
     "the filter speaker:Kennedy at character 0 is OR-ed with words; filters restrict the whole query and can "
     "only be OR-ed with filters on the same field, in parentheses: e.g. (speaker:Kennedy OR "
     "speaker:Khrushchev) blockade", 0),
    ("speaker:Kennedy OR lang:Russian", QuerySyntaxError,
     "filters on different fields cannot be OR-ed: speaker: at character 0 and lang: at character 19; OR only "
     "joins filters on the same field, e.g. (speaker:Kennedy OR speaker:Khrushchev) blockade", 19),
    ("(speaker:Kennedy lang:English) OR speaker:Rusk", QuerySyntaxError,
     "the group of filters at character 0 cannot be OR-ed: OR only joins filters on the same field, e.g. "
     "(speaker:Kennedy OR speaker:Khrushchev) blockade", 0),
    ("blockade NOT speaker:Kennedy", QuerySyntaxError, "the filter speaker:Kennedy at character 13 is under NOT: "
     "filters cannot be negated; name the values to keep instead, e.g. lang:English", 13),
    ("blockade -lang:Russian", QuerySyntaxError, 'the filter lang:Russian at character 10 is under "-": '
     "filters cannot be negated; name the values to keep instead, e.g. lang:English", 10),
    ('"..."', QuerySyntaxError, "the phrase at character 0 has no words", 0),
    ('"missile bases"~', QuerySyntaxError, '"~" at character 15 needs a number, e.g. "missile bases"~5', 15),
    ('"missiles"~5', QuerySyntaxError,
     '~5 at character 10 needs a phrase of two or more words, e.g. "missile bases"~5', 10),
    ("blockade~2", QuerySyntaxError,
     '"~" at character 8 is not right after a quoted phrase; write e.g. "missile bases"~5', 8),
    ('"naval blockad*"', QuerySyntaxError, "a * inside a phrase at character 14 is not supported: wildcards "
     "work on single words only, e.g. blockad*", 14),
    ("bl*ade", QuerySyntaxError,
     'a wildcard at character 2 ("bl*ade") is not supported: only a single final * is, e.g. blockad*', 2),
    ("bl?ckade", QuerySyntaxError,
     'a wildcard at character 2 ("bl?ckade") is not supported: only a single final * is, e.g. blockad*', 2),
    ("non-*", QuerySyntaxError,
     '"non-*" at character 0 is not a word before the *; a prefix is the start of a word, e.g. blockad* or '
     "non-nuc*", 0),
    ("Cuba\x00", QuerySyntaxError, "the query contains a control character (U+0000) at character 4; remove it", 4),
    ("Cu\x1bba", QuerySyntaxError, "the query contains a control character (U+001B) at character 2; remove it", 2),
    ("Cuba \ud83d", QuerySyntaxError,
     "the query contains an invalid character (U+D83D, a lone surrogate) at character 5; remove it", 5),
]


@pytest.mark.parametrize("query, error, message, position", ERRORS, ids=[e[0] or "empty" for e in ERRORS])
def test_errors_say_what_is_wrong_and_where(query, error, message, position):
    with pytest.raises(error) as caught:
        parse(query)
    assert str(caught.value) == message
    assert caught.value.message == message
    assert caught.value.position == position
    assert isinstance(caught.value, SearchError)


def refused_quickly(query: str, limits: Limits = DEFAULT_LIMITS) -> QueryTooComplex:
    """Parse a hostile query: it must fail with QueryTooComplex in under a second, even on a busy machine."""
    started = time.perf_counter()
    with pytest.raises(QueryTooComplex) as caught:
        parse(query, limits)
    assert time.perf_counter() - started < 1.0     # a bound on hostile input, not a benchmark
    return caught.value


# Limits wide enough for the hostile text to reach the check under test, not the length check.
LONG = Limits(max_query_length=1_000_000)

# (query, limits, message, limit name)
HOSTILE = [
    ("x" * 100_000, DEFAULT_LIMITS, "the query is 100000 characters long; the limit is 1000", "max_query_length"),
    ("x" * 100_000, LONG, "the word at character 0 is 100000 characters long; the limit is 100",
     "max_token_length"),
    ("Cuba " + "x" * 101, DEFAULT_LIMITS, "the word at character 5 is 101 characters long; the limit is 100",
     "max_token_length"),
    ('"missile ' + "x" * 101 + '"', DEFAULT_LIMITS,
     "the word at character 9 is 101 characters long; the limit is 100", "max_token_length"),
    ('speaker:"' + "x " * 51 + '"', DEFAULT_LIMITS,
     "the value of speaker: at character 9 is 101 characters long; the limit is 100", "max_token_length"),
    ("(" * 1000 + "cuba" + ")" * 1000, DEFAULT_LIMITS, "the query is 2004 characters long; the limit is 1000",
     "max_query_length"),
    ("(" * 1000 + "cuba" + ")" * 1000, LONG, "the query nests parentheses 1000 deep; the limit is 10",
     "max_depth"),
    ("(" * 11 + "cuba" + ")" * 11, DEFAULT_LIMITS, "the query nests parentheses 11 deep; the limit is 10",
     "max_depth"),
    ("(" * 100_000, LONG, "the query nests parentheses 100000 deep; the limit is 10", "max_depth"),
    (" ".join(f"w{i}" for i in range(5000)), DEFAULT_LIMITS,
     "the query is 28889 characters long; the limit is 1000", "max_query_length"),
    (" ".join(f"w{i}" for i in range(5000)), LONG, "the query has 5000 terms; the limit is 50", "max_terms"),
    (" ".join(["cuba"] * 51), DEFAULT_LIMITS, "the query has 51 terms; the limit is 50", "max_terms"),
    ('"' + " ".join(["the"] * 60) + '"', DEFAULT_LIMITS, "the query has 60 terms; the limit is 50", "max_terms"),
    (" AND ".join(["cuba"] * 20000), LONG, "the query has 20000 terms; the limit is 50", "max_terms"),
    (" OR ".join(f"ab{i}*" for i in range(1000)), LONG, "the query has 1000 terms; the limit is 50", "max_terms"),
    ('"missile bases"~51', DEFAULT_LIMITS,
     "the proximity ~51 at character 15 is too wide; the limit is ~50", "max_slop"),
    ('"missile bases"~' + "9" * 90, DEFAULT_LIMITS,
     f"the proximity ~{'9' * 90} at character 15 is too wide; the limit is ~50", "max_slop"),
    ("*", DEFAULT_LIMITS, '"*" at character 0 starts with a wildcard, which would scan every word in the index; '
     "write at least 3 characters before a final *, e.g. blockad*", "min_prefix_chars"),
    ("?*", DEFAULT_LIMITS, '"?*" at character 0 starts with a wildcard, which would scan every word in the '
     "index; write at least 3 characters before a final *, e.g. blockad*", "min_prefix_chars"),
    ("Cuba *e*", DEFAULT_LIMITS, '"*e*" at character 5 starts with a wildcard, which would scan every word in '
     "the index; write at least 3 characters before a final *, e.g. blockad*", "min_prefix_chars"),
    ("cu*", DEFAULT_LIMITS, 'the prefix "cu*" at character 0 has 2 characters before the *; the minimum is 3',
     "min_prefix_chars"),
    ("non-nu*", DEFAULT_LIMITS, 'the prefix "non-nu*" at character 0 has 2 characters before the * in its last '
     "word; the minimum is 3", "min_prefix_chars"),
]


@pytest.mark.parametrize("query, limits, message, limit", HOSTILE,
                         ids=[f"{h[3]}-{h[0][:20]}-{len(h[0])}" for h in HOSTILE])
def test_each_limit_refuses_a_hostile_query_quickly(query, limits, message, limit):
    error = refused_quickly(query, limits)
    assert str(error) == message
    assert error.limit == limit


def test_thousands_of_nots_are_refused_without_recursion():
    started = time.perf_counter()
    with pytest.raises(QuerySyntaxError, match="^NOT at character 0 applies to another NOT"):
        parse("NOT " * 20000 + "cuba", LONG)
    assert time.perf_counter() - started < 1.0     # a bound on hostile input, not a benchmark


def test_many_terms_within_raised_limits_parse_iteratively():
    """AND/OR lists are loops: 20,000 terms parse when the limits allow it (no RecursionError)."""
    wide = Limits(max_query_length=1_000_000, max_terms=100_000)
    started = time.perf_counter()
    parsed = parse(" OR ".join(["cuba blockade"] * 10_000), wide)
    assert time.perf_counter() - started < 2.0
    assert parsed.text == Or((And((W("cuba"), W("blockade"))),) * 10_000)


def test_limits_at_their_maximum_pass():
    query = " ".join(["cuba"] * 49) + " blo*"
    assert len(parse(query).text.items) == 50
    assert parse("(" * 10 + "cuba" + ")" * 10).text == W("cuba")
    assert parse('"missile bases"~50').text == Phrase(("missile", "bases"), 50)
    longest = " ".join(["x" * 99] * 9 + ["y" * 100])
    assert len(longest) == 1000
    assert parse(longest).text == And((W("x" * 99),) * 9 + (W("y" * 100),))


# describe() renders canonical syntax; parsing it again gives the same tree.
DESCRIBED = [
    ("Blockade", "blockade"),
    ('"Soviet missile bases"', '"soviet missile bases"'),
    ('"missile bases"~5', '"missile bases"~5'),
    ("blockad*", "blockad*"),
    ("Non–Nuc*", "non-nuc*"),
    ("7:30", '"7 30"'),
    ("IL-28", '"il 28"'),
    ("blockade quarantine -Cuba", "blockade AND quarantine AND NOT cuba"),
    ("a b OR c", "(a AND b) OR c"),
    ("(a OR b) c", "(a OR b) AND c"),
    ("a NOT (b OR c)", "a AND NOT (b OR c)"),
    ("a NOT (b c)", "a AND NOT (b AND c)"),
    ('defeat speaker:"Blas Roca"', 'defeat speaker:"Blas Roca"'),
    ("(blockade OR quarantine) Speaker:Kennedy", "(blockade OR quarantine) speaker:Kennedy"),
    ("speaker:Kennedy OR speaker:Khrushchev", "speaker:Kennedy OR speaker:Khrushchev"),
    ("blockade (speaker:Kennedy OR speaker:Khrushchev) date:1962-10",
     "blockade (speaker:Kennedy OR speaker:Khrushchev) date:1962-10"),
    ("date:..1962-10-27 year:1962", "date:..1962-10-27 year:1962"),
    ('date:"November 2, 1962" lang:English', 'date:"November 2, 1962" lang:English'),
]


@pytest.mark.parametrize("query, canonical", DESCRIBED, ids=[d[0] for d in DESCRIBED])
def test_describe_gives_canonical_syntax_that_parses_back(query, canonical):
    first = parse(query)
    assert describe(first) == canonical
    again = parse(canonical)
    assert (again.text, again.filters) == (first.text, first.filters)
    assert parse(describe(again)) == again


@pytest.mark.parametrize("query", [c[0] for c in CONSTRUCTS])
def test_every_construct_round_trips(query):
    parsed = parse(describe(parse(query)))
    assert parse(describe(parsed)) == parsed


def test_limits_reject_a_depth_that_would_recurse_too_far():
    with pytest.raises(ValueError, match="max_depth must be between 0 and 100"):
        Limits(max_depth=1000)
