"""The query language of issue 3: query text -> search.ast.ParsedQuery, and back (describe).

Hand-written rather than Whoosh's QueryParser, which is quadratic on a long token, recursive on
nesting and expands a bare `*` without bound (../shared/NOTES.md, "Hostile queries"). Here every
limit is checked on the raw text first with linear scans, the lexer is one regex-driven pass,
AND/OR lists are loops, and only parentheses recurse, after their depth has been checked.

Grammar (precedence NOT > AND > OR; adjacent items are AND-ed):
    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*
    unary   := ("NOT" | "-") primary | primary
    primary := words | "phrase"[~N] | prefix* | field:value | field:"value" | "(" or ")"

Words are the tokens corpus.text.tokenize gives for the text, so a bare chunk that tokenizes to
several words (`7:30`, `U.S.-Soviet`, `non-nuclear`, `IL-28`) is searched as the phrase of those
words, exactly as the same characters in a document are indexed: `non-nuclear` finds exactly the
compound (and `non nuclear`), while `nuclear` finds it too. A prefix after such words is a
phrase ending in a prefix: `non-nuc*` is `non` followed by a word starting with `nuc`. Filters are lifted out of the text expression: they
may be AND-ed anywhere, OR-ed only with filters on the same field, and never negated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.dates import parse_date
from corpus.errors import DateError
from corpus.text import DOUBLE_QUOTES, clean_inline, tokenize

from .ast import FILTER_FIELDS, And, Filter, Not, Or, ParsedQuery, Phrase, Prefix, Word
from .errors import QuerySyntaxError, QueryTooComplex


@dataclass(frozen=True)
class Limits:
    """What a query may ask for; every refusal is a QueryTooComplex naming the limit."""
    max_query_length: int = 1000        # characters
    max_terms: int = 50                 # words + phrase words + prefixes
    max_depth: int = 10                 # nesting of parentheses
    max_token_length: int = 100         # characters in one word (or one filter value)
    max_slop: int = 50                  # "a b"~N
    min_prefix_chars: int = 3           # characters before the * of a prefix

    def __post_init__(self):
        if not 0 <= self.max_depth <= 100:
            raise ValueError("max_depth must be between 0 and 100: parentheses are parsed recursively")


DEFAULT_LIMITS = Limits()

_OPERATORS = {"AND": "and", "OR": "or", "NOT": "not"}
_QUOTES = {ord(c): '"' for c in DOUBLE_QUOTES}
# NUL, C0/C1 controls (tab, newline and carriage return are whitespace) and lone surrogates.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r'[^\s()"]+')             # a bare chunk: up to whitespace, a parenthesis, a quote
_FIELD = re.compile(r"([A-Za-z]+):")        # only letters before a colon look like a field (not 7:30)
_NEGATION = re.compile(r'-(?=[\w"(])')      # -word, -"phrase", -(group)
_SLOP = re.compile(r"~(\d*)")
_WILDCARD = re.compile(r"\*|\?(?=[\w*])")   # a ? before a letter or a * is a wildcard; why? is not
# Words joined by apostrophes, periods or dashes (the tokenizer splits the dashes), then at most
# one apostrophe or period that the prefix keeps (don'*, u.s.*).
_DASHES = "\u2010-\u2015\u2212"
_PREFIX = re.compile(rf"\w+(?:['.\-{_DASHES}]+\w+)*['.]?")
_LEADING_NON_WORD = re.compile(r"^\W+")
_YEAR = re.compile(r"\d{4}")
_FIELD_EXAMPLES = {
    "speaker": 'speaker:Khrushchev or speaker:"Blas Roca"', "participant": "participant:Rusk",
    "source": "source:frus1961-63v05", "lang": "lang:English", "type": "type:memcon",
    "year": "year:1962", "date": "date:1962-10-16..1962-10-28",
}
_OR_FILTERS_EXAMPLE = "(speaker:Kennedy OR speaker:Khrushchev) blockade"


# --- entry points ---------------------------------------------------------------------------

def parse(query: str, limits: Limits = DEFAULT_LIMITS) -> ParsedQuery:
    """Parse a query; raises QuerySyntaxError (with a position) or QueryTooComplex."""
    text = _checked_text(query, limits)
    tokens = _Lexer(text, limits).run()
    _check_terms(tokens, limits)
    if not tokens:
        message = "the query is empty" if not text.strip() else "the query has no words to search for"
        raise QuerySyntaxError(message, 0)
    part = _Parser(tokens).parse()
    filters = tuple(_filter_node(group) for group in part.filters)
    return ParsedQuery(text=part.text, filters=filters, source=query)


def describe(parsed: ParsedQuery) -> str:
    """The query in canonical syntax: parse(describe(p)) gives p back (with that text as source)."""
    parts = []
    if parsed.text is not None:
        text = _render(parsed.text)
        parts.append(f"({text})" if isinstance(parsed.text, Or) and parsed.filters else text)
    alone = parsed.text is None and len(parsed.filters) == 1
    for node in parsed.filters:
        rendered = " OR ".join(_render_filter(f) for f in node.items) if isinstance(node, Or) \
            else _render_filter(node)
        parts.append(f"({rendered})" if isinstance(node, Or) and not alone else rendered)
    return " ".join(parts)


# --- limits on the raw text -----------------------------------------------------------------

def _checked_text(query: str, limits: Limits) -> str:
    """The query with curly quotes folded to '"' (one character for one, so positions hold),
    after the checks that need no parsing."""
    if not isinstance(query, str):
        raise TypeError(f"a query is a str, not {type(query).__name__}")
    if len(query) > limits.max_query_length:
        raise QueryTooComplex(f"the query is {len(query)} characters long; the limit is "
                              f"{limits.max_query_length}", "max_query_length")
    _check_characters(query)
    text = query.translate(_QUOTES)
    _check_token_lengths(text, limits)
    _check_depth(text, limits)
    return text


def _check_characters(query: str) -> None:
    bad = _FORBIDDEN.search(query)
    if bad is None:
        return
    code, pos = f"U+{ord(bad.group()):04X}", bad.start()
    if "\ud800" <= bad.group() <= "\udfff":
        raise QuerySyntaxError(f"the query contains an invalid character ({code}, a lone surrogate) "
                               f"at character {pos}; remove it", pos)
    raise QuerySyntaxError(f"the query contains a control character ({code}) at character {pos}; "
                           "remove it", pos)


def _check_token_lengths(text: str, limits: Limits) -> None:
    """Runs between spaces, parentheses and quotes; a filter's `field:` does not count."""
    for run in _RUN.finditer(text):
        field = _FIELD.match(run.group())
        skip = field.end() if field and field.group(1).lower() in FILTER_FIELDS else 0
        length = len(run.group()) - skip
        if length > limits.max_token_length:
            raise QueryTooComplex(f"the word at character {run.start() + skip} is {length} characters "
                                  f"long; the limit is {limits.max_token_length}",
                                  "max_token_length", run.start() + skip)


def _check_depth(text: str, limits: Limits) -> None:
    """Deepest nesting of parentheses outside quotes, measured before anything recurses."""
    depth = deepest = 0
    first_too_deep = None
    in_quote = False
    for mark in re.finditer(r'["()]', text):
        char = mark.group()
        if char == '"':
            in_quote = not in_quote
        elif not in_quote:
            depth = depth + 1 if char == "(" else max(depth - 1, 0)
            if depth > limits.max_depth and first_too_deep is None:
                first_too_deep = mark.start()
            deepest = max(deepest, depth)
    if first_too_deep is not None:
        raise QueryTooComplex(f"the query nests parentheses {deepest} deep; the limit is {limits.max_depth}",
                              "max_depth", first_too_deep)


def _check_terms(tokens: list[_Token], limits: Limits) -> None:
    terms = sum(t.terms for t in tokens)
    if terms > limits.max_terms:
        raise QueryTooComplex(f"the query has {terms} terms; the limit is {limits.max_terms}", "max_terms")


# --- lexer ----------------------------------------------------------------------------------

@dataclass
class _Token:
    kind: str                   # text prefix filter and or not ( )
    pos: int
    raw: str
    node: object = None         # Word | Phrase | Prefix for text and prefix tokens
    terms: int = 0
    field: str = ""             # for filters
    value: str = ""
    value_pos: int = 0


class _Lexer:
    """One left-to-right pass turning the query into tokens; local errors are raised here."""

    def __init__(self, text: str, limits: Limits):
        self.text, self.limits = text, limits
        self.tokens: list[_Token] = []

    def run(self) -> list[_Token]:
        text, pos = self.text, 0
        while True:
            space = _SPACE.match(text, pos)
            pos = space.end() if space else pos
            if pos >= len(text):
                return self.tokens
            char = text[pos]
            if char in "()":
                self.tokens.append(_Token(char, pos, char))
                pos += 1
            elif char == '"':
                pos = self._phrase(pos)
            elif _NEGATION.match(text, pos):
                self.tokens.append(_Token("not", pos, "-"))
                pos += 1
            else:
                end = self._filter(pos)
                pos = end if end is not None else self._chunk(pos)

    def _phrase(self, start: int) -> int:
        text = self.text
        close = text.find('"', start + 1)
        if close < 0:
            raise QuerySyntaxError(f'unclosed quote: the phrase starting at character {start} has no '
                                   'closing "', start)
        inner, end = text[start + 1:close], close + 1
        star = inner.find("*")
        if star >= 0:
            raise QuerySyntaxError(f"a * inside a phrase at character {start + 1 + star} is not supported: "
                                   "wildcards work on single words only, e.g. blockad*", start + 1 + star)
        words = tokenize(clean_inline(inner))
        if not words:
            raise QuerySyntaxError(f"the phrase at character {start} has no words", start)
        slop = _SLOP.match(text, end)
        slop_value = self._slop(slop, len(words)) if slop else 0
        end = slop.end() if slop else end
        node = Word(words[0]) if len(words) == 1 else Phrase(tuple(words), slop_value)
        self.tokens.append(_Token("text", start, text[start:end], node, len(words)))
        return end

    def _slop(self, match: re.Match, word_count: int) -> int:
        digits, pos = match.group(1), match.start()
        if not digits:
            raise QuerySyntaxError(f'"~" at character {pos} needs a number, e.g. "missile bases"~5', pos)
        if word_count < 2:
            raise QuerySyntaxError(f"~{digits} at character {pos} needs a phrase of two or more words, "
                                   'e.g. "missile bases"~5', pos)
        limit = self.limits.max_slop
        if len(digits) > 6 or int(digits) > limit:
            raise QueryTooComplex(f"the proximity ~{digits} at character {pos} is too wide; the limit is "
                                  f"~{limit}", "max_slop", pos)
        return int(digits)

    def _filter(self, start: int) -> int | None:
        """field:value at `start`; None when the text there is not a filter (`7:30`, `Note: ...`)."""
        text = self.text
        name_match = _FIELD.match(text, start)
        if name_match is None:
            return None
        name, after = name_match.group(1), name_match.end()
        field = name.lower()
        follows = text[after:after + 1]
        if not follows or follows.isspace() or follows in "()":
            if field in FILTER_FIELDS:
                raise self._no_value(name, field, start)
            return None                                     # "Note: the ..." is text
        if field not in FILTER_FIELDS:
            raise QuerySyntaxError(f'unknown field "{name}" at character {start}; the fields are '
                                   f"{', '.join(FILTER_FIELDS)} (to search for the text, put it in quotes)",
                                   start)
        raw, value_pos, end = self._filter_value(after)
        value = clean_inline(raw)
        if not value:
            raise self._no_value(name, field, start)
        if len(value) > self.limits.max_token_length:
            raise QueryTooComplex(f"the value of {field}: at character {value_pos} is {len(value)} characters "
                                  f"long; the limit is {self.limits.max_token_length}",
                                  "max_token_length", value_pos)
        self.tokens.append(_Token("filter", start, text[start:end], field=field, value=value,
                                  value_pos=value_pos))
        return end

    def _filter_value(self, pos: int) -> tuple[str, int, int]:
        """(raw value, its position, end of the filter) for a quoted or bare value at `pos`."""
        text = self.text
        if text[pos] == '"':
            close = text.find('"', pos + 1)
            if close < 0:
                raise QuerySyntaxError(f'unclosed quote: the value starting at character {pos} has no '
                                       'closing "', pos)
            return text[pos + 1:close], pos + 1, close + 1
        run = _RUN.match(text, pos)
        return run.group(), pos, run.end()

    @staticmethod
    def _no_value(name: str, field: str, pos: int) -> QuerySyntaxError:
        return QuerySyntaxError(f"{name}: at character {pos} has no value; write e.g. {_FIELD_EXAMPLES[field]}",
                                pos)

    def _chunk(self, start: int) -> int:
        """A bare chunk: an operator, a prefix*, or text (punctuation-only text is skipped)."""
        run = _RUN.match(self.text, start)
        chunk, end = run.group(), run.end()
        if chunk in _OPERATORS:
            self.tokens.append(_Token(_OPERATORS[chunk], start, chunk))
            return end
        tilde = chunk.find("~")
        if tilde >= 0:
            raise QuerySyntaxError(f'"~" at character {start + tilde} is not right after a quoted phrase; '
                                   'write e.g. "missile bases"~5', start + tilde)
        wildcard = _WILDCARD.search(chunk)
        if wildcard:
            node = _prefix(chunk, start, wildcard, self.limits)
            self.tokens.append(_Token("prefix", start, chunk, node, 1 + len(node.before)))
            return end
        words = tokenize(clean_inline(chunk))
        if words:
            node = Word(words[0]) if len(words) == 1 else Phrase(tuple(words))
            self.tokens.append(_Token("text", start, chunk, node, len(words)))
        return end


def _prefix(chunk: str, pos: int, wildcard: re.Match, limits: Limits) -> Prefix:
    """blockad* -> Prefix('blockad'); every other use of a wildcard is refused."""
    minimum = limits.min_prefix_chars
    final_star = wildcard.start() == len(chunk) - 1 and chunk.endswith("*")
    leading = not re.search(r"\w", chunk[:wildcard.start()])
    stem = _LEADING_NON_WORD.sub("", clean_inline(chunk[:-1]).lower()) if final_star else ""
    if leading or (final_star and not stem):
        raise QueryTooComplex(f'"{chunk}" at character {pos} starts with a wildcard, which would scan every '
                              f"word in the index; write at least {minimum} characters before a final *, "
                              "e.g. blockad*", "min_prefix_chars", pos)
    if not final_star:
        where = pos + wildcard.start()
        raise QuerySyntaxError(f'a wildcard at character {where} ("{chunk}") is not supported: only a single '
                               "final * is, e.g. blockad*", where)
    if not _PREFIX.fullmatch(stem):
        raise QuerySyntaxError(f'"{chunk}" at character {pos} is not a word before the *; a prefix is the '
                               "start of a word, e.g. blockad* or non-nuc*", pos)
    *before, last = tokenize(stem)
    last += stem[len(stem.rstrip("'.")):]                 # u.s.* keeps its period: u.s.s.r
    if len(last) < minimum:
        raise QueryTooComplex(f'the prefix "{chunk}" at character {pos} has {len(last)} characters before '
                              f"the *{' in its last word' if before else ''}; the minimum is {minimum}",
                              "min_prefix_chars", pos)
    return Prefix(last, tuple(before))


# --- parser ---------------------------------------------------------------------------------

@dataclass
class _Part:
    """A parsed piece: its text expression and the filters lifted out of it.

    `filters` holds groups, each a tuple of (Filter, position) pairs OR-ed together (one pair
    for a plain filter). `negative` marks text that is NOT x, or an AND of NOTs only: it is valid
    only once AND-ed with a positive item, which an enclosing AND may still supply."""
    text: object | None
    filters: tuple
    pos: int
    negative: bool = False


class _Parser:
    """Recursive descent over the tokens; recursion happens only at "(", depth already checked."""

    def __init__(self, tokens: list[_Token]):
        self.tokens, self.index = tokens, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        self.index += 1
        return self.tokens[self.index - 1]

    def parse(self) -> _Part:
        part = self.parse_or(None)
        extra = self.peek()
        if extra is not None:                             # only a ")" stops parse_or early
            raise QuerySyntaxError(f'unexpected ")" at character {extra.pos}', extra.pos)
        if part.negative:
            raise QuerySyntaxError(f"a query cannot be only NOT: the NOT at character {part.pos} needs a "
                                   "word to search for beside it, e.g. blockade NOT quarantine", part.pos)
        return part

    def parse_or(self, before: _Token | None) -> _Part:
        parts = [self.parse_and(before)]
        while (token := self.peek()) is not None and token.kind == "or":
            parts.append(self.parse_and(self.take()))
        return _combine_or(parts)

    def parse_and(self, before: _Token | None) -> _Part:
        parts = [self.parse_unary(before)]
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            parts.append(self.parse_unary(self.take() if token.kind == "and" else None))
        return _combine_and(parts)

    def parse_unary(self, before: _Token | None) -> _Part:
        token = self.peek()
        if token is None or token.kind != "not":
            return self.parse_primary(before)
        self.take()
        following = self.peek()
        if following is not None and following.kind == "not":
            raise _double_negation(token)
        return _negate(token, self.parse_primary(token))

    def parse_primary(self, before: _Token | None) -> _Part:
        token = self.peek()
        if token is None or token.kind == ")":
            raise _missing_operand(token, before)
        if token.kind in ("and", "or"):
            raise QuerySyntaxError(f"unexpected {token.raw} at character {token.pos}: {token.raw} goes between "
                                   "two search terms", token.pos)
        self.take()
        if token.kind in ("text", "prefix"):
            return _Part(token.node, (), token.pos)
        if token.kind == "filter":
            return _Part(None, (((_make_filter(token), token.pos),),), token.pos)
        inner = self.parse_or(token)                      # token is "("
        close = self.peek()
        if close is None or close.kind != ")":
            raise QuerySyntaxError(f'unclosed parenthesis: the "(" at character {token.pos} has no closing ")"',
                                   token.pos)
        self.take()
        return _Part(inner.text, inner.filters, token.pos, inner.negative)


def _missing_operand(token: _Token | None, before: _Token | None) -> QuerySyntaxError:
    """The error when a word was expected but the query ends or a ")" comes."""
    if before is not None and before.kind == "(":
        if token is None:
            return QuerySyntaxError(f'unclosed parenthesis: the "(" at character {before.pos} has no closing ")"',
                                    before.pos)
        return QuerySyntaxError(f"empty parentheses at character {before.pos}", before.pos)
    if before is not None:
        return QuerySyntaxError(f"nothing after {_shown(before)} at character {before.pos}", before.pos)
    if token is None:
        return QuerySyntaxError("the query is empty", 0)
    return QuerySyntaxError(f'unexpected ")" at character {token.pos}', token.pos)


def _double_negation(token: _Token) -> QuerySyntaxError:
    return QuerySyntaxError(f"{_shown(token)} at character {token.pos} applies to another NOT; two NOTs cancel "
                            "out: remove both", token.pos)


def _shown(token: _Token) -> str:
    """An operator as a message names it: AND, OR, NOT, or "-" in quotes."""
    return f'"{token.raw}"' if token.raw == "-" else token.raw


def _negate(token: _Token, part: _Part) -> _Part:
    if part.filters:
        found, pos = part.filters[0][0]
        raise QuerySyntaxError(f"the filter {_render_filter(found)} at character {pos} is under {_shown(token)}: "
                               "filters cannot be negated; name the values to keep instead, e.g. "
                               "lang:English", pos)
    if part.negative:
        raise _double_negation(token)
    return _Part(Not(part.text), (), token.pos, negative=True)


def _combine_and(parts: list[_Part]) -> _Part:
    if len(parts) == 1:
        return parts[0]
    items = []
    for part in parts:
        if isinstance(part.text, And):
            items.extend(part.text.items)
        elif part.text is not None:
            items.append(part.text)
    text = None if not items else items[0] if len(items) == 1 else And(tuple(items))
    negative = bool(items) and all(isinstance(item, Not) for item in items)
    pos = next((p.pos for p in parts if p.text is not None), parts[0].pos)
    return _Part(text, sum((p.filters for p in parts), ()), pos, negative)


def _combine_or(parts: list[_Part]) -> _Part:
    if len(parts) == 1:
        return parts[0]
    with_filters = [p for p in parts if p.filters]
    if with_filters:
        if any(p.text is not None for p in parts):
            found, pos = with_filters[0].filters[0][0]
            raise QuerySyntaxError(f"the filter {_render_filter(found)} at character {pos} is OR-ed with words; "
                                   "filters restrict the whole query and can only be OR-ed with filters on "
                                   f"the same field, in parentheses: e.g. {_OR_FILTERS_EXAMPLE}", pos)
        return _Part(None, (_or_filters(parts),), parts[0].pos)
    for part in parts:
        if part.negative:
            raise QuerySyntaxError(f"NOT at character {part.pos} is inside an OR; NOT excludes from an AND, "
                                   "e.g. (blockade OR quarantine) NOT Cuba", part.pos)
    items = []
    for part in parts:
        items.extend(part.text.items if isinstance(part.text, Or) else (part.text,))
    return _Part(Or(tuple(items)), (), parts[0].pos)


def _or_filters(parts: list[_Part]) -> tuple:
    """One OR group out of filter-only parts: each a single filter (or OR group), one field."""
    group = []
    for part in parts:
        if len(part.filters) != 1:
            raise QuerySyntaxError(f"the group of filters at character {part.pos} cannot be OR-ed: OR only joins "
                                   f"filters on the same field, e.g. {_OR_FILTERS_EXAMPLE}", part.pos)
        group.extend(part.filters[0])
    first, first_pos = group[0]
    for other, pos in group[1:]:
        if other.field != first.field:
            raise QuerySyntaxError(f"filters on different fields cannot be OR-ed: {first.field}: at character "
                                   f"{first_pos} and {other.field}: at character {pos}; OR only joins filters "
                                   f"on the same field, e.g. {_OR_FILTERS_EXAMPLE}", pos)
    return tuple(group)


def _filter_node(group: tuple):
    filters = tuple(f for f, _ in group)
    return filters[0] if len(filters) == 1 else Or(filters)


# --- filter values --------------------------------------------------------------------------

def _make_filter(token: _Token) -> Filter:
    if token.field in ("year", "date"):
        start, end = _date_range(token)
        return Filter(token.field, token.value, start, end)
    return Filter(token.field, token.value)


def _date_range(token: _Token) -> tuple[date | None, date | None]:
    """1962 / 1962-10 / 1962-10-16, or A..B with open ends: a partial date on the left means its
    first day, on the right its last day."""
    value, pos = token.value, token.value_pos
    ends = value.split("..")
    if len(ends) == 1:
        info = _parse_end(token, value, pos)
        return info.start, info.end
    example = _FIELD_EXAMPLES[token.field]
    if len(ends) > 2:
        raise QuerySyntaxError(f'not a date range: "{value}" at character {pos}; write e.g. {example}', pos)
    left, right = ends
    if not left.strip() and not right.strip():
        raise QuerySyntaxError(f'"{value}" at character {pos} has no dates; write e.g. {example}', pos)
    start = _parse_end(token, left, pos).start if left.strip() else None
    end = _parse_end(token, right, pos + len(left) + 2).end if right.strip() else None
    if start and end and end < start:
        raise QuerySyntaxError(f'the range "{value}" at character {pos} ends before it starts', pos)
    return start, end


def _parse_end(token: _Token, text: str, pos: int):
    """One end of a date or year range, as a corpus.dates DateInfo."""
    stripped = text.strip()
    pos += len(text) - len(text.lstrip())
    if token.field == "year" and not _YEAR.fullmatch(stripped):
        raise QuerySyntaxError(f'not a year: "{stripped}" at character {pos}; write four digits, e.g. year:1962',
                               pos)
    try:
        info = parse_date(stripped)
    except (DateError, ValueError):
        info = None
    if info is None or info.start is None:
        raise QuerySyntaxError(f'not a date: "{stripped}" at character {pos}; write YYYY, YYYY-MM or '
                               "YYYY-MM-DD, e.g. date:1962-10-16..1962-10-28", pos)
    return info


# --- rendering ------------------------------------------------------------------------------

def _render(node) -> str:
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"' + (f"~{node.slop}" if node.slop else "")
    if isinstance(node, Prefix):
        return "-".join((*node.before, node.prefix)) + "*"
    if isinstance(node, Not):
        return "NOT " + _wrapped(node.item, (And, Or))
    if isinstance(node, And):
        return " AND ".join(_wrapped(item, (Or,)) for item in node.items)
    if isinstance(node, Or):
        return " OR ".join(_wrapped(item, (And,)) for item in node.items)
    raise TypeError(f"not a query node: {node!r}")


def _wrapped(node, kinds: tuple) -> str:
    """Parentheses where precedence needs them (and around an AND inside an OR, for the reader)."""
    rendered = _render(node)
    return f"({rendered})" if isinstance(node, kinds) else rendered


def _render_filter(node: Filter) -> str:
    value = node.value if _RUN.fullmatch(node.value) else f'"{node.value}"'
    return f"{node.field}:{value}"
