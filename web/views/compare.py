"""The comparison pages (issue 5): /compare (a hub of forms), /timeline, /distribution,
/side-by-side, /keywords, /collocates and /frequencies, each with a CSV twin (/timeline.csv, ...).

The numbers come from search.stats (no statistic is computed here); this module reads and checks
the URL parameters, lays out the server-rendered SVG charts (no script: the CSP forbids inline
code, and the pages work without JavaScript) and builds the links from every number to the
concordance behind it.

Timeline points: one per query and per dated period that has words in the searched corpus
(compare(..., all_values=True)), so a period where a query is absent shows as a zero, not as a
gap. Undated hits are listed in the table but have no place on a time axis. Periods are spaced
evenly; where two neighbouring periods are not consecutive in time (1962 then 1997) the line is
broken and a dashed marker shows the gap.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from flask import Blueprint, Response, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from search.engine import SearchRequest
from search.errors import IndexBusy, IndexMissing, SearchError
from search.query import parse
from search.stats import (CHRONOLOGICAL, COLLOCATE_MEASURES, DISTRIBUTION_FACETS, KEYWORD_SORTS, UNDATED_LABEL,
                          is_spans_label,
                          Comparison, ComparisonCell, ComparisonRow, collocates, compare, distribution,
                          frequency_list, keywords, per_million, NGRAM_SIZES)

from .. import services
from ..errors import BadParameter, clean, error_response
from . import SearchState, default_per_page, doc_url, int_param, search_state, state_url
from .search import _csv_line, corpus_choices, neutralize

bp = Blueprint("compare", __name__)

MAX_QUERIES = 6                      # q, q2 … q6
MAX_EXPRESSION = 300                 # characters in a sub-corpus filter expression
MAX_TIMELINE_POINTS = 400            # periods shown with zeros; beyond that only periods with hits
CHART_BARS = 40                      # bars in the distribution chart (the table has every row)
FACET_LABELS = {"speaker": "Speaker", "source": "Source", "archive": "Archive", "language": "Language",
                "type": "Document type", "year": "Year", "month": "Month", "day": "Day"}
# facet -> URL parameter of /search that filters on it ("date" sets from and to)
FACET_FILTER = {"speaker": "speaker", "source": "source", "language": "lang", "type": "type",
                "year": "date", "month": "date", "day": "date"}
NO_VALUE = {"(none)", UNDATED_LABEL, ""}
# in the order of the collocates table and CSV
MEASURE_LABELS = {"cooccurrences": "co-occurrences", "frequency": "frequency", "mi": "MI", "t_score": "t-score",
                  "log_likelihood": "log-likelihood", "log_dice": "logDice"}
KEYWORD_SORT_LABELS = {"log_likelihood": "log-likelihood", "log_ratio": "Log Ratio", "freq_a": "frequency in A"}
DEFAULTS = {"collocates_limit": 30, "collocates_min": 2, "keywords_min": 3, "keywords_limit": 50,
            "frequencies_min": 1, "frequencies_limit": 50}


# ---------------------------------------------------------------- parameters

def queries_of(args) -> list[str]:
    """The queries of a multi-query page: every q (repeatable), then q2 … q6, empty ones left out."""
    found = [v.strip() for v in args.getlist("q")]
    found += [(args.get(f"q{n}") or "").strip() for n in range(2, MAX_QUERIES + 1)]
    queries = [q for q in found if q]
    if len(queries) > MAX_QUERIES:
        raise BadParameter(f"compare up to {MAX_QUERIES} queries at once (got {len(queries)})")
    return queries


def facet_of(args, default: str, choices=DISTRIBUTION_FACETS) -> str:
    value = (args.get("by") or "").strip().lower() or default
    if value not in choices:
        raise BadParameter(f"by must be one of {', '.join(choices)} (got {clean(value)[:40]!r})")
    return value


def choice_of(args, name: str, choices, default: str) -> str:
    value = (args.get(name) or "").strip() or default
    if value not in choices:
        raise BadParameter(f"{name} must be one of {', '.join(choices)} (got {clean(value)[:40]!r})")
    return value


def flag_of(args, name: str) -> bool:
    return (args.get(name) or "").strip().lower() in ("1", "on", "true", "yes")


def subcorpus_of(args, name: str, label: str, required: bool = True) -> str:
    """A sub-corpus given as a filter expression (source:wilson date:1962); words are refused."""
    expression = (args.get(name) or "").strip()
    if not expression:
        if required:
            raise BadParameter(f"give sub-corpus {label} as filters, e.g. {name}=source:wilson")
        return ""
    if len(expression) > MAX_EXPRESSION:
        raise BadParameter(f"sub-corpus {label} is {len(expression)} characters long; the limit is {MAX_EXPRESSION}")
    try:
        parsed = parse(expression)
    except SearchError as exc:
        raise BadParameter(f"sub-corpus {label}: {exc}") from None
    if parsed.text is not None or not parsed.filters:
        raise BadParameter(f"sub-corpus {label} takes filters only (e.g. source:wilson, speaker:\"Blas Roca\", "
                           f"date:1962-10), not words: {clean(expression)[:80]!r}")
    return expression


def window_of(args) -> tuple[int, int]:
    window = int_param(args, "window", 5, 1, 20)
    left = int_param(args, "left", window, 0, 20) if (args.get("left") or "").strip() else window
    right = int_param(args, "right", window, 0, 20) if (args.get("right") or "").strip() else window
    if left + right == 0:
        raise BadParameter("the window is 0 words on both sides; give left or right at least 1")
    return left, right


def run(function, *args):
    """A statistic over a leased engine; the library's refusals become BadParameter (HTTP 400)."""
    with services().engine.lease() as engine:
        try:
            return function(engine, *args)
        except (IndexMissing, IndexBusy):
            raise
        except SearchError as exc:
            raise BadParameter(str(exc)) from None


def state_without_sort(args) -> SearchState:
    """The search state of a page whose `sort` is its own (a measure), not the concordance's order."""
    rest = MultiDict(args)
    rest.poplist("sort")
    return search_state(rest)


def requests_for(state: SearchState, queries: list[str]) -> list[SearchRequest]:
    return [state.with_changes(q=q).request(limit=0, offset=0) for q in queries]


def comparison_of(state: SearchState, queries: list[str], by: str, all_values: bool) -> Comparison:
    """compare() for two or more queries; one query's distribution in the same shape."""
    requests = requests_for(state, queries)
    if len(requests) > 1:
        return run(compare, requests, by, all_values)
    one = run(distribution, requests[0], by, all_values)
    return Comparison(queries=[one.query], by=by, total_hits=[one.total_hits], total_tokens=one.total_tokens,
                      rows=[ComparisonRow(r.value, r.tokens, [ComparisonCell(r.hits, r.documents, r.per_million)])
                            for r in one.rows], warnings=one.warnings)


# ---------------------------------------------------------------- links

def period_bounds(state: SearchState, period: str) -> tuple[str, str]:
    """from/to for one period, narrowed by the page's own date filters where they fall inside it
    (so the concordance behind a point is exactly the hits counted there)."""
    start = state.date_from if state.date_from.startswith(period) else period
    end = state.date_to if state.date_to.startswith(period) else period
    return start, end


def concordance_url(state: SearchState, query: str, by: str | None = None, value: str | None = None) -> str | None:
    """The search page for a query, narrowed to one facet value; None when that value has no filter."""
    target = state.with_changes(q=query)
    if by is None:
        return state_url(target, paging=False)
    param = FACET_FILTER.get(by)
    if param is None or value in NO_VALUE or is_spans_label(value):
        return None
    if param == "date":
        start, end = period_bounds(state, value)
        return state_url(target, paging=False, **{"from": start, "to": end})
    return state_url(target, paging=False, **{param: value})


def query_with(words: str, expression: str) -> str:
    return f"{words} {expression}".strip()


def proximity_query(query: str, word: str, left: int, right: int) -> str:
    """The search behind a collocate: a single-word node and the collocate within the window
    ("missile bases"~5); a phrase or boolean node and the collocate in the same passage."""
    node = query.strip()
    if node and all(c.isalnum() or c in "'-" for c in node):
        return f'"{node} {word}"~{max(left, right)}'
    return f"({node}) {word}"


# ---------------------------------------------------------------- charts

SERIES = 6                      # colour classes series-0 … series-5 in style.css


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top` (steps of 1, 2 or 5 × 10^n)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks, value = [], 0.0
    while value < top - 1e-9:
        ticks.append(round(value, 10))
        value += step
    ticks.append(round(value, 10))
    return ticks


def tick_label(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:,.1f}"


def consecutive(a: str, b: str, by: str) -> bool:
    """Whether period b directly follows period a (1962 → 1963, 1962-10 → 1962-11)."""
    try:
        if by == "year":
            return int(b) == int(a) + 1
        if by == "month":
            (ya, ma), (yb, mb) = map(int, a.split("-")), map(int, b.split("-"))
            return yb * 12 + mb == ya * 12 + ma + 1
        return date.fromisoformat(b) == date.fromisoformat(a) + timedelta(days=1)
    except ValueError:
        return False


@dataclass
class Plot:
    width: int = 960
    height: int = 380
    left: int = 78
    right: int = 24
    top: int = 40
    bottom: int = 78

    @property
    def inner_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> int:
        return self.height - self.top - self.bottom


def timeline_chart(state: SearchState, comparison: Comparison, periods: list[ComparisonRow]) -> dict:
    """Coordinates of the timeline: x ticks (periods), y ticks (per million), one polyline run per
    unbroken stretch of each series, and every point with its link."""
    plot = Plot()
    peak = max([c.per_million for row in periods for c in row.cells] + [0.0])
    yticks = nice_ticks(peak)
    ymax = yticks[-1] or 1.0
    step = plot.inner_width / max(len(periods), 1)
    xs = [plot.left + step * (i + 0.5) for i in range(len(periods))]

    def y_of(value: float) -> float:
        return round(plot.top + plot.inner_height * (1 - value / ymax), 1)

    every = max(1, math.ceil(len(periods) / 36))
    xticks = [{"x": round(x, 1), "label": row.value, "shown": i % every == 0}
              for i, (x, row) in enumerate(zip(xs, periods))]
    gaps = [round((xs[i] + xs[i + 1]) / 2, 1) for i in range(len(periods) - 1)
            if not consecutive(periods[i].value, periods[i + 1].value, comparison.by)]
    series = []
    for n, query in enumerate(comparison.queries):
        points, runs, run_points = [], [], []
        for i, (x, row) in enumerate(zip(xs, periods)):
            cell = row.cells[n]
            point = {"x": round(x, 1), "y": y_of(cell.per_million), "period": row.value, "hits": cell.hits,
                     "per_million": cell.per_million, "href": concordance_url(state, query, comparison.by, row.value)}
            if i and not consecutive(periods[i - 1].value, row.value, comparison.by):
                runs.append(run_points)
                run_points = []
            run_points.append(f"{point['x']},{point['y']}")
            points.append(point)
        runs.append(run_points)
        series.append({"query": query, "css": f"series-{n % SERIES}", "points": points,
                       "runs": [" ".join(r) for r in runs if len(r) > 1]})
    spread_coinciding([s["points"] for s in series])
    return {"plot": plot, "xticks": xticks, "gaps": gaps, "series": series,
            "yticks": [{"y": y_of(t), "label": tick_label(t)} for t in yticks],
            "legend": legend(series, plot)}


POINT_TARGET = 11      # radius of a point's click target
SPREAD = 12            # horizontal distance between points of one period that would cover each other


def spread_coinciding(series_points: list[list[dict]]) -> None:
    """Points of one period that lie on top of each other (same value in several series) are set
    side by side, each with a click target that stops short of its neighbour, so every point can
    be clicked. Each point gets "cx" (where it is drawn) and "target" (its click radius)."""
    for points in zip(*series_points):
        for point in points:
            point["cx"], point["target"] = point["x"], POINT_TARGET
        for group in _close_groups(sorted(points, key=lambda p: p["y"])):
            for j, point in enumerate(group):
                point["cx"] = round(point["x"] + (j - (len(group) - 1) / 2) * SPREAD, 1)
                point["target"] = SPREAD / 2


def _close_groups(points: list[dict]) -> list[list[dict]]:
    """Runs of points (sorted by y) whose click targets would overlap: 2 or more each."""
    groups, current = [], []
    for point in points:
        if current and point["y"] - current[-1]["y"] >= POINT_TARGET:
            groups.append(current)
            current = []
        current.append(point)
    groups.append(current)
    return [g for g in groups if len(g) > 1]


def legend(series: list[dict], plot: Plot) -> list[dict]:
    """The legend in one row above the plot (so it never hides a point), each item as wide as its label."""
    items, x = [], plot.left
    for s in series:
        label = s["query"] if len(s["query"]) <= 30 else s["query"][:29] + "…"
        items.append({"query": s["query"], "label": label, "css": s["css"], "x": x, "y": 8})
        x += 44 + 8 * len(label)
    return items


def bar_chart(rows, by: str) -> dict:
    """A horizontal bar per facet value (per million words), the hits written at the bar's end."""
    shown = rows[:CHART_BARS]
    bar, gap = 18, 6
    plot = Plot(left=190, right=110, top=14, bottom=44)
    plot.height = plot.top + plot.bottom + len(shown) * (bar + gap)
    ticks = nice_ticks(max([r.per_million for r in shown] + [0.0]))
    xmax = ticks[-1] or 1.0

    def x_of(value: float) -> float:
        return round(plot.left + plot.inner_width * value / xmax, 1)

    bars = [{"y": plot.top + i * (bar + gap), "height": bar, "width": round(x_of(r.per_million) - plot.left, 1),
             "end": x_of(r.per_million), "label": r.value if len(r.value) <= 28 else r.value[:27] + "…",
             "value": r.value, "hits": r.hits, "per_million": r.per_million} for i, r in enumerate(shown)]
    return {"plot": plot, "bars": bars, "cut": len(rows) - len(shown), "by": by,
            "xticks": [{"x": x_of(t), "label": tick_label(t)} for t in ticks],
            "axis_y": plot.height - plot.bottom + 4}


# ---------------------------------------------------------------- pages

PAGES = {"compare.timeline": "compare_timeline.html", "compare.distribution_page": "compare_distribution.html",
         "compare.side_by_side": "compare_side_by_side.html", "compare.keywords_page": "compare_keywords.html",
         "compare.collocates_page": "compare_collocates.html", "compare.frequencies_page": "compare_frequencies.html",
         "compare.hub": "compare.html"}


def render(endpoint: str, status: int = 200, error: str | None = None, **context):
    form = {name: clean(value) for name, value in request.args.items()}
    html = render_template(PAGES[endpoint], form=form, error=error, choices=corpus_choices(),
                           facets=FACET_LABELS, measures=MEASURE_LABELS, keyword_sorts=KEYWORD_SORT_LABELS,
                           defaults=DEFAULTS, **context)
    return html, status


@bp.errorhandler(BadParameter)
def bad_parameter(exc: BadParameter):
    """The page's form again with the message under it (HTTP 400); the CSVs answer with the error page."""
    if request.endpoint in PAGES:
        return render(request.endpoint, 400, error=str(exc))
    return error_response(400, str(exc))


@bp.get("/compare")
def hub():
    return render("compare.hub")


@bp.get("/timeline")
def timeline():
    state, queries, by = search_state(request.args), queries_of(request.args), facet_of(request.args, "year", CHRONOLOGICAL)
    if not queries:
        return render("compare.timeline")
    result = timeline_data(state, queries, by)
    return render("compare.timeline", state=state, by=by, **result,
                  csv_url=url_for("compare.timeline_csv", **request.args.to_dict(flat=False)))


def timeline_data(state: SearchState, queries: list[str], by: str) -> dict:
    comparison = comparison_of(state, queries, by, all_values=True)
    warnings = list(comparison.warnings)
    dated = [row for row in comparison.rows if row.value != UNDATED_LABEL and not is_spans_label(row.value)]
    if len(dated) > MAX_TIMELINE_POINTS:
        dated = [row for row in dated if any(c.hits for c in row.cells)]
        warnings.append(f"there are too many {by}s to show each; only those with hits are plotted "
                        "(choose a coarser period or a date range to see the zeros)")
    undated = [row for row in comparison.rows if (row.value == UNDATED_LABEL or is_spans_label(row.value))
               and any(c.hits for c in row.cells)]
    table = [{"value": row.value, "tokens": row.tokens,
              "cells": [{"hits": c.hits, "per_million": c.per_million,
                         "href": concordance_url(state, q, by, row.value)} for q, c in zip(queries, row.cells)]}
             for row in dated + undated]
    return {"comparison": comparison, "chart": timeline_chart(state, comparison, dated) if dated else None,
            "table": table, "warnings": warnings, "undated": undated,
            "totals": [{"query": q, "hits": n, "href": concordance_url(state, q)}
                       for q, n in zip(queries, comparison.total_hits)]}


@bp.get("/distribution")
def distribution_page():
    state, by, everything = search_state(request.args), facet_of(request.args, "source"), flag_of(request.args, "all")
    if not state.q:
        return render("compare.distribution_page")
    result = run(distribution, state.request(limit=0, offset=0), by, everything)
    rows = [{"row": r, "href": concordance_url(state, state.q, by, r.value)} for r in result.rows]
    return render("compare.distribution_page", state=state, by=by, result=result, rows=rows,
                  chart=bar_chart(result.rows, by) if result.rows else None, everything=everything,
                  csv_url=url_for("compare.distribution_csv", **request.args.to_dict(flat=False)),
                  query_url=concordance_url(state, state.q))


@bp.get("/side-by-side")
def side_by_side():
    state = search_state(request.args)
    a, b = subcorpus_of(request.args, "a", "A", False), subcorpus_of(request.args, "b", "B", False)
    if a or b:
        if not state.q:
            raise BadParameter("add the query to compare over the two sub-corpora (q=...)")
        if not (a and b):
            raise BadParameter(f"give both sub-corpora: {'b' if a else 'a'} is missing")
        return render("compare.side_by_side", state=state, mode="subcorpora", **subcorpora_data(state, a, b),
                      csv_url=url_for("compare.side_by_side_csv", **request.args.to_dict(flat=False)))
    queries = queries_of(request.args)
    if not queries:
        return render("compare.side_by_side")
    if len(queries) < 2:
        raise BadParameter("add a second query (q2=...) or two sub-corpora (a=... and b=...)")
    by = facet_of(request.args, "source")
    comparison = comparison_of(state, queries, by, flag_of(request.args, "all"))
    rows = [{"value": r.value, "tokens": r.tokens,
             "cells": [{"cell": c, "href": concordance_url(state, q, by, r.value)} for q, c in zip(queries, r.cells)]}
            for r in comparison.rows]
    sides = [concordance_side(state, q, label) for q, label in zip(queries[:2], ("A", "B"))]
    return render("compare.side_by_side", state=state, mode="queries", by=by, comparison=comparison, rows=rows,
                  sides=sides, csv_url=url_for("compare.side_by_side_csv", **request.args.to_dict(flat=False)))


def concordance_side(state: SearchState, query: str, label: str, words: int | None = None) -> dict:
    """The first page of one query's KWIC lines (PAGE_SIZE), for one column of the side-by-side page."""
    target = state.with_changes(q=query, page=None)
    try:
        result = services().engine.search(target.request(limit=default_per_page(), offset=0))
    except IndexMissing:
        raise
    except SearchError as exc:
        raise BadParameter(str(exc)) from None
    rows = [{"hit": hit, "href": doc_url(target, hit.doc_id, hit.start), "n": i + 1}
            for i, hit in enumerate(result.hits)]
    return {"label": label, "query": query, "result": result, "rows": rows, "href": state_url(target, paging=False),
            "words": words, "per_million": per_million(result.total_hits, words) if words is not None else None}


def subcorpora_data(state: SearchState, a: str, b: str) -> dict:
    """One query over two sub-corpora: each side's hits, documents, words and per million."""
    sides = []
    for expression, label in ((a, "A"), (b, "B")):
        query = query_with(f"({state.q})", expression)
        words = run(distribution, state.with_changes(q=query).request(limit=0, offset=0), "source").total_tokens
        side = concordance_side(state, query, label, words)
        side["expression"] = expression
        sides.append(side)
    return {"sides": sides, "a": a, "b": b}


@bp.get("/keywords")
def keywords_page():
    args = request.args
    if not (args.get("a") or args.get("b")):
        return render("compare.keywords_page")
    result = keywords_result(args)
    rows = [{"row": r, "href": url_for("search.index", q=query_with(r.word, result.a))} for r in result.rows]
    return render("compare.keywords_page", result=result, rows=rows, sort=choice_of(args, "sort", KEYWORD_SORTS, "log_likelihood"),
                  csv_url=url_for("compare.keywords_csv", **args.to_dict(flat=False)))


def keywords_result(args):
    a, b = subcorpus_of(args, "a", "A"), subcorpus_of(args, "b", "B")
    sort = choice_of(args, "sort", KEYWORD_SORTS, "") if args.get("sort") else choice_of(args, "by", KEYWORD_SORTS, "log_likelihood")
    return run(keywords, a, b, int_param(args, "min", DEFAULTS["keywords_min"], 1, 10 ** 6),
               int_param(args, "limit", DEFAULTS["keywords_limit"], 1, 5000), sort)


@bp.get("/collocates")
def collocates_page():
    state = state_without_sort(request.args)
    if not state.q:
        return render("compare.collocates_page")
    result, (left, right) = collocates_result(request.args), window_of(request.args)
    rows = [{"row": r, "href": url_for("search.index", **state.with_changes(
        q=proximity_query(state.q, r.word, left, right), sort=None, width=None).params(paging=False))}
            for r in result.rows]
    base = request.args.to_dict(flat=False)
    sorts = [{"key": key, "label": label, "current": key == result.by,
              "href": url_for("compare.collocates_page", **{**base, "sort": [key], "by": []})}
             for key, label in MEASURE_LABELS.items()]
    return render("compare.collocates_page", state=state, result=result, rows=rows, sorts=sorts,
                  csv_url=url_for("compare.collocates_csv", **base), query_url=concordance_url(state, state.q))


def collocates_result(args):
    state = state_without_sort(args)
    if not state.q:
        raise BadParameter("add a query: q=missile")
    left, right = window_of(args)
    measure = choice_of(args, "sort", COLLOCATE_MEASURES, "") if args.get("sort") else choice_of(args, "by", COLLOCATE_MEASURES, "log_dice")
    return run(collocates, state.request(limit=0, offset=0), left, right, measure,
               int_param(args, "min", DEFAULTS["collocates_min"], 1, 10 ** 6),
               int_param(args, "limit", DEFAULTS["collocates_limit"], 1, 1000))


@bp.get("/frequencies")
def frequencies_page():
    if "filter" not in request.args:
        return render("compare.frequencies_page")
    result = frequencies_result(request.args)
    expression = "" if result.subcorpus == "(all)" else result.subcorpus
    rows = [{"row": r, "href": url_for("search.index", q=query_with(phrase_of(r.word), expression))}
            for r in result.rows]
    return render("compare.frequencies_page", result=result, rows=rows,
                  csv_url=url_for("compare.frequencies_csv", **request.args.to_dict(flat=False)))


def frequencies_result(args):
    expression = subcorpus_of(args, "filter", "", required=False)
    n = int(choice_of(args, "n", [str(size) for size in NGRAM_SIZES], "1"))
    content = choice_of(args, "content", ["0", "1"], "0") == "1"
    return run(frequency_list, expression, int_param(args, "min", DEFAULTS["frequencies_min"], 1, 10 ** 6),
               int_param(args, "limit", DEFAULTS["frequencies_limit"], 1, 100_000), n, content)


def phrase_of(words: str) -> str:
    """The search for a frequency-list row: the word, or the n-gram as a phrase."""
    return f'"{words}"' if " " in words else words


# ---------------------------------------------------------------- CSV

def csv_response(name: str, header: list[tuple[str, str]], columns: list[str], rows: list[list]) -> Response:
    """The export's layout: "# key: value" rows, the column names, the rows; every cell neutralized."""
    with services().catalog.session() as session:
        version = services().catalog.corpus_version(session)
    header = header + [("corpus version", str(version)),
                       ("exported", datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))]
    body = _csv_line([[neutralize(f"# {key}: {value}")] for key, value in header])
    body += _csv_line([columns]) + _csv_line([[neutralize(v) for v in row] for row in rows])
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}.csv"', "Cache-Control": "no-store"})


def filters_text(state: SearchState) -> str:
    return "; ".join(f"{label}={value}" for _p, label, value in state.filters()) or "none"


@bp.get("/timeline.csv")
def timeline_csv():
    state, queries, by = search_state(request.args), queries_of(request.args), facet_of(request.args, "year", CHRONOLOGICAL)
    if not queries:
        raise BadParameter("nothing to export: add a query (q=...)")
    data = timeline_data(state, queries, by)
    columns = [by, "words"] + [f"{name} {q}" for q in queries for name in ("hits", "per million")]
    rows = [[row["value"], row["tokens"]] + [v for c in row["cells"] for v in (c["hits"], c["per_million"])]
            for row in data["table"]]
    return csv_response(f"timeline-{by}", [("queries", " | ".join(queries)), ("by", by),
                                           ("filters", filters_text(state))], columns, rows)


@bp.get("/distribution.csv")
def distribution_csv():
    state, by = search_state(request.args), facet_of(request.args, "source")
    if not state.q:
        raise BadParameter("nothing to export: add a query (q=...)")
    result = run(distribution, state.request(limit=0, offset=0), by, flag_of(request.args, "all"))
    rows = [[r.value, r.hits, r.documents, r.tokens, r.per_million] for r in result.rows]
    return csv_response(f"distribution-{by}", [("query", state.q), ("by", by), ("filters", filters_text(state)),
                                               ("hits", f"{result.total_hits} over {result.total_tokens} words")],
                        [by, "hits", "documents", "words", "per million"], rows)


@bp.get("/side-by-side.csv")
def side_by_side_csv():
    state = search_state(request.args)
    a, b = subcorpus_of(request.args, "a", "A", False), subcorpus_of(request.args, "b", "B", False)
    if a and b and state.q:
        data = subcorpora_data(state, a, b)
        rows = [[s["label"], s["expression"], s["result"].total_hits, s["result"].total_documents, s["words"],
                 s["per_million"]] for s in data["sides"]]
        return csv_response("side-by-side", [("query", state.q), ("filters", filters_text(state))],
                            ["side", "sub-corpus", "hits", "documents", "words", "per million"], rows)
    queries = queries_of(request.args)
    if len(queries) < 2:
        raise BadParameter("nothing to export: give two queries (q, q2) or a query and two sub-corpora (a, b)")
    by = facet_of(request.args, "source")
    comparison = comparison_of(state, queries, by, flag_of(request.args, "all"))
    columns = [by, "words"] + [f"{name} {q}" for q in queries for name in ("hits", "documents", "per million")]
    rows = [[r.value, r.tokens] + [v for c in r.cells for v in (c.hits, c.documents, c.per_million)]
            for r in comparison.rows]
    return csv_response(f"side-by-side-{by}", [("queries", " | ".join(queries)), ("by", by),
                                               ("filters", filters_text(state))], columns, rows)


@bp.get("/keywords.csv")
def keywords_csv():
    result = keywords_result(request.args)
    columns = ["word", "freq_a", "freq_b", "per_million_a", "per_million_b", "log_likelihood", "log_ratio",
               "range_a", "range_b"]
    rows = [[getattr(r, c) for c in columns] for r in result.rows]
    return csv_response("keywords", [("a", f"{result.a} ({result.tokens_a} words, {result.documents_a} documents)"),
                                     ("b", f"{result.b} ({result.tokens_b} words, {result.documents_b} documents)")],
                        columns, rows)


@bp.get("/collocates.csv")
def collocates_csv():
    state = state_without_sort(request.args)
    result = collocates_result(request.args)
    columns = ["word", "cooccurrences", "frequency", "mi", "t_score", "log_likelihood", "log_dice"]
    rows = [[getattr(r, c) for c in columns] for r in result.rows]
    return csv_response("collocates", [("query", state.q), ("filters", filters_text(state)),
                                       ("window", f"{result.window_left} left, {result.window_right} right"),
                                       ("sorted by", result.by),
                                       ("node", f"{result.node_frequency} hits over {result.corpus_tokens} words")],
                        columns, rows)


@bp.get("/frequencies.csv")
def frequencies_csv():
    result = frequencies_result(request.args)
    rows = [[r.word, r.frequency, r.per_million, r.range] for r in result.rows]
    return csv_response("frequencies", [("sub-corpus", result.subcorpus), ("n", str(result.n)),
                                        ("function words", "left out" if result.content else "kept"),
                                        ("size", f"{result.tokens} words, {result.types} different, "
                                                 f"{result.documents} documents")],
                        ["word" if result.n == 1 else f"{result.n}-gram", "frequency", "per million", "range"], rows)
