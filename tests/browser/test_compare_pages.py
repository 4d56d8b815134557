"""The comparison pages (issue 5) in headless Chromium, on the bundled seeds: timeline, side by
side, keywords, collocates, distribution and their CSV files. Every number on a page is checked
against search.stats / the search engine on the same instance (see compare_contract: the ids and
classes relied on here)."""
from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from search import stats
from search.engine import SearchRequest

from .test_pages import shown_hits, shown_totals, url_params

pytestmark = pytest.mark.browser

KEYWORDS_A = "source:wilson date:1962-11-02"      # Blas Roca's speech in the seed
KEYWORDS_B = "source:frus1961-63v05"

# ---------------------------------------------------------------- reading tables and numbers

NUMBER = re.compile(r"[-−]?[\d,]*\.?\d+")


def as_number(text: str) -> tuple[float, int] | None:
    """(value, decimals shown) of a cell that holds just a number, else None."""
    text = text.strip().replace("\u2009", "").replace("\u00a0", "")
    if not NUMBER.fullmatch(text):
        return None
    plain = text.replace(",", "").replace("−", "-")
    return float(plain), len(plain.split(".")[1]) if "." in plain else 0


def same_number(shown: str, value: float) -> bool:
    """True when `shown` is `value` rounded to the decimals it shows (integers exactly)."""
    parsed = as_number(shown)
    if parsed is None:
        return False
    number, decimals = parsed
    return abs(number - value) <= 0.5 * 10 ** -decimals + 1e-9


def same_cell(a: str, b: str) -> bool:
    """Two cells (table vs CSV) agree: equal text, or the same number at the coarser precision."""
    a, b = a.strip(), b.strip()
    if a == b:
        return True
    na, nb = as_number(a), as_number(b)
    if na is None or nb is None:
        return False
    return abs(na[0] - nb[0]) <= 0.5 * 10 ** -min(na[1], nb[1]) + 1e-9


def read_table(page, selector: str) -> tuple[list[str], list[list[str]]]:
    """(header cells, data rows as cell texts) of a table: the header is <thead> (or the first row)."""
    page.wait_for_selector(selector)
    return page.eval_on_selector(selector, """t => {
        const text = row => [...row.cells].map(c => c.textContent.replace(/\\s+/g, ' ').trim());
        const rows = [...t.rows];
        const head = t.tHead ? [...t.tHead.rows] : rows.slice(0, 1);
        const body = rows.filter(r => !head.includes(r) && !(t.tFoot && t.tFoot.contains(r)));
        return [head.length ? text(head[head.length - 1]) : [], body.map(text)];
    }""")


def column_of(rows: list[list[str]], values: list[float], name: str) -> int:
    """The column whose every cell shows the expected value of its row (found by content, so the
    page may order its columns as it likes); fails naming the field when no column does."""
    width = min(len(r) for r in rows)
    for j in range(width):
        if all(same_number(row[j], v) for row, v in zip(rows, values)):
            return j
    pytest.fail(f"no column shows {name} = {values[:6]}…; rows: {rows[:3]}")


def assert_rows_show(rows: list[list[str]], labels: list[str], fields: dict[str, list[float]]) -> None:
    """The table lists exactly `labels` in order (first cell) and has a column for every field."""
    assert [r[0] for r in rows] == labels
    for name, values in fields.items():
        column_of(rows, values, name)


def download_rows(page, link: str) -> list[list[str]]:
    """Click a CSV link; the file's rows without "# key: value" header lines."""
    with page.expect_download() as info:
        page.click(link)
    download = info.value
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    with open(download.path(), encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.reader(f) if r and not r[0].startswith("# ")]


def assert_csv_equals_table(page, link: str, table: str) -> None:
    header, rows = read_table(page, table)
    csv_rows = download_rows(page, link)
    data = csv_rows[1:]                                   # first row: column names
    assert len(data) == len(rows), (len(data), len(rows))
    for shown, saved in zip(rows, data):
        assert len(saved) == len(shown), (saved, shown)
        assert all(same_cell(a, b) for a, b in zip(shown, saved)), (shown, saved)


def href_of(locator) -> str:
    """An <a>'s target, HTML or SVG (href or xlink:href)."""
    return locator.evaluate("a => a.getAttribute('href') || a.getAttribute('xlink:href')")


# ---------------------------------------------------------------- hub

def test_compare_hub_is_linked_from_the_header_and_offers_four_forms(page):
    page.goto("/")
    with page.expect_navigation():
        page.locator("header a", has_text="Compare").first.click()
    assert urlsplit(page.url).path == "/compare"
    actions = {urlsplit(f.get_attribute("action") or "").path for f in page.locator("form").all()}
    assert {"/timeline", "/side-by-side", "/keywords", "/collocates"} <= actions, actions


# ---------------------------------------------------------------- timeline

def timeline_expectation(engine, queries: list[str], by: str):
    comparison = stats.compare(engine, [SearchRequest(query=q) for q in queries], by)
    return {row.value: row.cells for row in comparison.rows}


def check_timeline_table(page, engine, queries: list[str], by: str) -> dict[str, list[int]]:
    """The table against stats.compare: every period with hits is there with each query's hits and
    per million; periods the library does not list (gaps filled in) show zero. Returns
    period -> hits per query as shown."""
    expected = timeline_expectation(engine, queries, by)
    _, rows = read_table(page, "table#timeline-table")
    shown = {r[0]: r for r in rows}
    dated = [p for p in expected if p != stats.UNDATED_LABEL]
    assert set(dated) <= set(shown), (dated, list(shown))
    listed = [r for r in rows if r[0] in expected]
    hits_columns = [column_of(listed, [expected[r[0]][i].hits for r in listed], f"{q} hits")
                    for i, q in enumerate(queries)]
    for i, query in enumerate(queries):
        column_of(listed, [expected[r[0]][i].per_million for r in listed], f"{query} per million")
    for period, row in shown.items():
        if period not in expected:      # a gap the page filled in: no query has hits there
            assert all(same_number(row[j], 0) for j in hits_columns), row
    return {period: [int(as_number(row[j])[0]) for j in hits_columns] for period, row in shown.items()}


def test_timeline_points_lead_to_the_hits_of_their_period(page, engine):
    queries = ["blockade", "quarantine"]
    page.goto("/timeline?" + urlencode({"q": "blockade", "q2": "quarantine", "by": "year"}))
    chart = page.locator("svg#timeline-chart")
    assert chart.is_visible()
    legend = chart.text_content()
    assert "blockade" in legend and "quarantine" in legend
    table = check_timeline_table(page, engine, queries, "year")
    assert table["1962"] == [5, 1] and table["1961"] == [3, 0]     # the seeds, as indexed

    points = chart.locator("a.timeline-point")
    targets = [urlsplit(href_of(p)) for p in points.all()]
    periods = [p for p in table if p != stats.UNDATED_LABEL]
    assert len(targets) == len(periods) * len(queries), [t.query for t in targets]
    seen = set()
    for target in targets:
        params = parse_qs(target.query)
        assert target.path == "/search", target
        query, start, end = params["q"][0], params["from"][0], params["to"][0]
        period = next(p for p in periods if start.startswith(p) and end.startswith(p))
        seen.add((query, period))
        found = engine.search(SearchRequest(query=query, date_from=start, date_to=end)).total_hits
        assert found == table[period][queries.index(query)], (query, start, end)
    assert seen == {(q, p) for q in queries for p in periods}

    point = next(p for p, t in zip(points.all(), targets)
                 if parse_qs(t.query)["q"] == ["blockade"] and parse_qs(t.query)["from"][0].startswith("1962"))
    with page.expect_navigation():
        point.click()
    params = url_params(page.url)
    assert urlsplit(page.url).path == "/search" and params["q"] == ["blockade"]
    assert params["from"][0].startswith("1962") and params["to"][0].startswith("1962")
    assert shown_totals(page)[0] == table["1962"][0] == 5
    assert page.locator("tr.hit").count() == 5
    assert {d.strip()[:4] for d in page.locator("tr.hit td.date").all_inner_texts()} == {"1962"}


def test_timeline_by_month_and_its_csv(page, engine):
    page.goto("/timeline?" + urlencode({"q": "blockade", "q2": "quarantine", "by": "month"}))
    table = check_timeline_table(page, engine, ["blockade", "quarantine"], "month")
    assert table["1962-11"] == [3, 0] and table["1962-12"] == [1, 1]   # the seeds, as indexed
    csv_link = urlsplit(page.locator("a#timeline-csv").get_attribute("href"))
    assert csv_link.path == "/timeline.csv"
    assert parse_qs(csv_link.query) == {"q": ["blockade"], "q2": ["quarantine"], "by": ["month"]}
    assert_csv_equals_table(page, "a#timeline-csv", "table#timeline-table")


# ---------------------------------------------------------------- side by side

def concordance_total(page, box: str) -> int:
    found = re.search(r"([\d,]+)\s+hits?", page.inner_text(box))
    assert found, f"{box} shows no 'N hits': {page.inner_text(box)[:200]!r}"
    return int(found.group(1).replace(",", ""))


def assert_concordance(page, box: str, result) -> None:
    """One side: its total and its first page of KWIC lines, as the engine has them."""
    assert concordance_total(page, box) == result.total_hits
    assert shown_hits(page.locator(box)) == [(h.doc_id, h.start) for h in result.hits]
    matches = page.locator(f"{box} tr.hit td.match").all_inner_texts()
    assert [m.strip() for m in matches] == [h.match for h in result.hits]


def test_side_by_side_shows_two_concordances_next_to_each_other(page, engine, app):
    size = app.config["PAGE_SIZE"]
    blockade = engine.search(SearchRequest(query="blockade", limit=size))
    quarantine = engine.search(SearchRequest(query="quarantine", limit=size))
    assert (blockade.total_hits, quarantine.total_hits) == (14, 1)
    comparison = stats.compare(engine, [SearchRequest(query="blockade"), SearchRequest(query="quarantine")],
                               "source")

    page.goto("/side-by-side?" + urlencode({"q": "blockade", "q2": "quarantine", "by": "source"}))

    _, rows = read_table(page, "table#comparison")
    assert_rows_show(rows, [r.value for r in comparison.rows], {
        "words": [r.tokens for r in comparison.rows],
        "blockade hits": [r.cells[0].hits for r in comparison.rows],
        "blockade per million": [r.cells[0].per_million for r in comparison.rows],
        "quarantine hits": [r.cells[1].hits for r in comparison.rows],
        "quarantine per million": [r.cells[1].per_million for r in comparison.rows]})
    assert_concordance(page, "div#concordance-a", blockade)
    assert_concordance(page, "div#concordance-b", quarantine)
    left = page.locator("div#concordance-a").bounding_box()
    right = page.locator("div#concordance-b").bounding_box()
    assert right["x"] >= left["x"] + left["width"] - 1 and abs(right["y"] - left["y"]) < 50, (left, right)


def test_side_by_side_of_one_query_over_two_subcorpora(page, engine, app):
    size = app.config["PAGE_SIZE"]
    wilson = engine.search(SearchRequest(query="missile source:wilson", limit=size))
    frus = engine.search(SearchRequest(query="missile source:frus1961-63v05", limit=size))
    assert (wilson.total_hits, frus.total_hits) == (11, 64)

    page.goto("/side-by-side?" + urlencode({"q": "missile", "a": "source:wilson", "b": "source:frus1961-63v05"}))

    assert_concordance(page, "div#concordance-a", wilson)
    assert_concordance(page, "div#concordance-b", frus)
    assert {h[0].split(":")[0] for h in shown_hits(page.locator("div#concordance-a"))} == {"wilson"}


# ---------------------------------------------------------------- keywords

def keyword_fields(rows) -> dict[str, list[float]]:
    names = ("freq_a", "freq_b", "per_million_a", "per_million_b", "log_likelihood", "log_ratio",
             "range_a", "range_b")
    return {name: [getattr(r, name) for r in rows] for name in names}


def test_keywords_from_the_hub_form_and_a_word_leads_to_its_hits(page, engine):
    expected = stats.keywords(engine, KEYWORDS_A, KEYWORDS_B)
    words = [r.word for r in expected.rows]
    assert {"socialism", "retreat", "defeat"} <= set(words)

    page.goto("/compare")
    form = page.locator('form[action$="/keywords"]')
    form.locator('[name="a"]').fill(KEYWORDS_A)
    form.locator('[name="b"]').fill(KEYWORDS_B)
    with page.expect_navigation():
        form.locator('[type="submit"]').first.click()

    assert urlsplit(page.url).path == "/keywords"
    params = url_params(page.url)
    assert params["a"] == [KEYWORDS_A] and params["b"] == [KEYWORDS_B]
    _, rows = read_table(page, "table#keywords")
    assert_rows_show(rows, words, keyword_fields(expected.rows))

    row = next(r for r in expected.rows if r.word == "socialism")
    link = page.locator("table#keywords a", has_text=re.compile(r"^\s*socialism\s*$"))
    target = urlsplit(link.get_attribute("href"))
    assert target.path == "/search"
    with page.expect_navigation():
        link.click()
    searched = engine.search(SearchRequest(query=url_params(page.url)["q"][0],
                                           **_filter_params(url_params(page.url))))
    assert shown_totals(page) == (searched.total_hits, searched.total_documents) == (row.freq_a, row.range_a)
    assert {m.strip().lower() for m in page.locator("tr.hit td.match").all_inner_texts()} == {"socialism"}


def _filter_params(params: dict[str, list[str]]) -> dict[str, str]:
    names = {"speaker": "speaker", "source": "source", "lang": "lang", "type": "type",
             "from": "date_from", "to": "date_to", "participant": "participant"}
    return {names[k]: v[0] for k, v in params.items() if k in names}


def test_keywords_csv_equals_the_table(page, engine):
    page.goto("/keywords?" + urlencode({"a": KEYWORDS_A, "b": KEYWORDS_B, "min": 3, "limit": 20}))
    expected = stats.keywords(engine, KEYWORDS_A, KEYWORDS_B, min_freq=3, limit=20)
    _, rows = read_table(page, "table#keywords")
    assert_rows_show(rows, [r.word for r in expected.rows], keyword_fields(expected.rows))
    assert_csv_equals_table(page, "a#keywords-csv", "table#keywords")


# ---------------------------------------------------------------- collocates

def collocate_rows(engine, page_rows, **options):
    """The library's collocates for the rows the page shows: the page may cut the list shorter
    than the library's default limit, but what it shows must be the library's top rows."""
    assert len(page_rows) >= 10, page_rows
    return stats.collocates(engine, SearchRequest(query="missile"), limit=len(page_rows), **options).rows


def collocate_fields(rows) -> dict[str, list[float]]:
    names = ("cooccurrences", "frequency", "mi", "t_score", "log_likelihood", "log_dice")
    return {name: [getattr(r, name) for r in rows] for name in names}


def test_collocates_sort_by_a_measure_and_lead_to_contexts(page, engine):
    page.goto("/collocates?q=missile")
    _, rows = read_table(page, "table#collocates")
    by_dice = collocate_rows(engine, rows, by="log_dice")
    assert rows[0][0] == by_dice[0].word == "bases"
    assert_rows_show(rows, [r.word for r in by_dice], collocate_fields(by_dice))

    sort_mi = page.locator('table#collocates a.sort-by[href*="sort=mi"]')
    with page.expect_navigation():
        sort_mi.click()
    assert url_params(page.url)["sort"] == ["mi"]
    _, rows = read_table(page, "table#collocates")
    by_mi = collocate_rows(engine, rows, by="mi")
    mi_column = page.eval_on_selector('table#collocates a.sort-by[href*="sort=mi"]',
                                      "a => a.closest('th, td').cellIndex")
    shown_mi = [as_number(r[mi_column])[0] for r in rows]
    assert shown_mi == sorted(shown_mi, reverse=True) and shown_mi[0] > shown_mi[-1]
    assert_rows_show(rows, [r.word for r in by_mi], collocate_fields(by_mi))
    assert column_of(rows, [r.mi for r in by_mi], "mi") == mi_column

    link = page.locator("table#collocates a", has_text=re.compile(r"^\s*dismantling\s*$"))
    with page.expect_navigation():
        link.click()
    query = url_params(page.url)["q"][0]
    assert "missile" in query and "dismantling" in query
    searched = engine.search(SearchRequest(query=query))
    assert shown_totals(page)[0] == searched.total_hits > 0


def test_collocates_csv_equals_the_table(page):
    page.goto("/collocates?" + urlencode({"q": "missile", "window": 3}))
    assert_csv_equals_table(page, "a#collocates-csv", "table#collocates")


def test_collocates_window_changes_the_counts(page, engine):
    page.goto("/collocates?" + urlencode({"q": "missile", "window": 3}))
    _, rows = read_table(page, "table#collocates")
    expected = collocate_rows(engine, rows, left=3, right=3)
    assert_rows_show(rows, [r.word for r in expected], collocate_fields(expected))
    wider = collocate_rows(engine, rows)
    assert [r.cooccurrences for r in expected] != [r.cooccurrences for r in wider][:len(expected)]


# ---------------------------------------------------------------- distribution

def test_distribution_table_links_and_csv(page, engine):
    expected = stats.distribution(engine, SearchRequest(query="blockade"), "source")
    page.goto("/distribution?" + urlencode({"q": "blockade", "by": "source"}))
    assert page.locator("svg#distribution-chart").is_visible()
    _, rows = read_table(page, "table#distribution")
    assert_rows_show(rows, [r.value for r in expected.rows], {
        "hits": [r.hits for r in expected.rows], "documents": [r.documents for r in expected.rows],
        "words": [r.tokens for r in expected.rows], "per million": [r.per_million for r in expected.rows]})
    assert_csv_equals_table(page, "a#distribution-csv", "table#distribution")
    with page.expect_navigation():
        page.locator("table#distribution a", has_text="wilson").click()
    assert url_params(page.url)["source"] == ["wilson"]
    wilson = next(r for r in expected.rows if r.value == "wilson")
    assert shown_totals(page) == (wilson.hits, wilson.documents)


# ---------------------------------------------------------------- errors and no JavaScript

@pytest.mark.parametrize("path, params", [
    ("/collocates", {"q": '"Soviet missile'}),
    ("/keywords", {"a": "blockade", "b": KEYWORDS_B}),
    ("/timeline", {"q": "blockade", "q2": "quarantine", "by": "century"}),
])
def test_bad_input_shows_the_form_again_with_400(page, problems, path, params):
    response = page.goto(path + "?" + urlencode(params))
    assert response.status == 400
    assert page.inner_text("p#query-error").strip()
    assert page.locator("form").count() >= 1
    problems[:] = [p for p in problems if "status of 400" not in p]   # Chromium logs the 400


def test_the_comparison_pages_work_without_javascript(chromium, base_url, engine):
    context = chromium.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/timeline?" + urlencode({"q": "blockade", "q2": "quarantine", "by": "year"}))
        table = check_timeline_table(page, engine, ["blockade", "quarantine"], "year")
        point = next(p for p in page.locator("a.timeline-point").all()
                     if parse_qs(urlsplit(href_of(p)).query)["from"][0].startswith("1961")
                     and parse_qs(urlsplit(href_of(p)).query)["q"] == ["blockade"])
        with page.expect_navigation():
            point.click()
        assert shown_totals(page)[0] == table["1961"][0] == 3

        page.goto("/side-by-side?" + urlencode({"q": "blockade", "q2": "quarantine", "by": "source"}))
        assert page.locator("div#concordance-a tr.hit").count() == 14
        assert page.locator("div#concordance-b tr.hit").count() == 1

        page.goto("/compare")
        form = page.locator('form[action$="/keywords"]')
        form.locator('[name="a"]').fill(KEYWORDS_A)
        form.locator('[name="b"]').fill(KEYWORDS_B)
        with page.expect_navigation():
            form.locator('[type="submit"]').first.click()
        words = [r[0] for r in read_table(page, "table#keywords")[1]]
        assert words == [r.word for r in stats.keywords(engine, KEYWORDS_A, KEYWORDS_B).rows]

        page.goto("/collocates?q=missile")
        with page.expect_navigation():
            page.click('table#collocates a.sort-by[href*="sort=mi"]')
        rows = read_table(page, "table#collocates")[1]
        assert [r[0] for r in rows] == [r.word for r in collocate_rows(engine, rows, by="mi")]
    finally:
        context.close()


def test_ngram_list_from_the_hub_form_and_a_row_leads_to_its_phrase(page, engine):
    expected = stats.frequency_list(engine, "source:frus1961-63v05", 1, 50, n=2, content=True)
    assert expected.rows[0].word == "soviet union"

    page.goto("/compare")
    form = page.locator("form#frequencies-form")
    form.locator('[name="filter"]').fill("source:frus1961-63v05")
    form.locator('select[name="n"]').select_option("2")
    form.locator('[name="content"]').check()
    with page.expect_navigation():
        form.locator('[type="submit"]').first.click()

    assert url_params(page.url) == {"filter": ["source:frus1961-63v05"], "n": ["2"], "content": ["1"],
                                    "min": ["1"], "limit": ["50"]}
    header, rows = read_table(page, "table#frequencies")
    assert header[0] == "2-gram"
    assert [(r[0], r[1]) for r in rows] == [(r.word, f"{r.frequency:,}") for r in expected.rows]

    top = expected.rows[0]
    with page.expect_navigation():
        page.locator("table#frequencies a", has_text=re.compile(r"^\s*soviet union\s*$")).click()
    assert url_params(page.url) == {"q": ['"soviet union" source:frus1961-63v05']}
    assert shown_totals(page) == (top.frequency, top.range)
    assert {m.strip().lower() for m in page.locator("tr.hit td.match").all_inner_texts()} == {"soviet union"}
