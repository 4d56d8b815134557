"""The concordance a historian can read (issue 14): KWIC lines that use the screen's width and cut
context only between words, lines that open to their whole passage, a document view that puts the
hit a third down the window with its speaker, a jump-to-page form, context sorts whose ties are
broken by the next word outward, and no sideways scrolling of any page on a 390 px phone.
Every value is checked against the engine (or the catalog) on the same seeds instance."""
from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from corpus.models import Document, Passage
from corpus.text import tokenize
from search.engine import SearchRequest

from .test_pages import hit_target, shown_hits, shown_totals, url_params

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# Every word (a run of non-space characters) of an element's text, with how much of it shows:
# "whole" inside the clipping box of the context cell, "none" outside it, "part" when cut.
WORDS_SHOWN = """ctx => {
    const cell = ctx.closest('td').getBoundingClientRect();
    const own = ctx.getBoundingClientRect();
    const clip = {left: Math.max(cell.left, own.left), right: Math.min(cell.right, own.right),
                  top: Math.max(cell.top, own.top), bottom: Math.min(cell.bottom, own.bottom)};
    const out = [];
    const walker = document.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const r = range.getBoundingClientRect();
            const inside = r.left >= clip.left - 0.5 && r.right <= clip.right + 0.5
                && r.top >= clip.top - 0.5 && r.bottom <= clip.bottom + 0.5;
            const outside = r.right <= clip.left + 0.5 || r.left >= clip.right - 0.5
                || r.bottom <= clip.top + 0.5 || r.top >= clip.bottom - 0.5 || r.width === 0;
            out.push([m[0], inside ? 'whole' : outside ? 'none' : 'part']);
        }
    }
    return out;
}"""


def results(page, query: str, **params) -> None:
    page.goto("/search?" + urlencode({"q": query, **params}))


def engine_page(engine, query: str, per: int = 25, page_no: int = 1, **options):
    return engine.search(SearchRequest(query=query, limit=per, offset=(page_no - 1) * per, **options))


def shown_context(page, side: str) -> list[list[tuple[str, str]]]:
    return [[tuple(w) for w in cell.evaluate(WORDS_SHOWN)]
            for cell in page.locator(f"table#kwic tr.hit td.{side} .ctx").all()]


def check_context(shown, hits, side: str) -> list[int]:
    """No word is cut; the words shown are the engine's context words nearest the hit. Returns
    how many words each line shows."""
    counts = []
    for words, hit in zip(shown, hits, strict=True):
        assert [w for w, _ in words] == (hit.left if side == "left" else hit.right).split(), hit
        assert "part" not in {how for _, how in words}, (side, hit.doc_id, words)
        visible = [w for w, how in words if how == "whole"]
        expected = hit.left.split() if side == "left" else hit.right.split()
        near = expected[len(expected) - len(visible):] if side == "left" else expected[:len(visible)]
        assert visible == near, (side, hit.doc_id, visible)
        counts.append(len(visible))
    return counts


# ---------------------------------------------------------------- 1. KWIC width

def test_wider_context_shows_more_whole_words_at_1280(page, engine):
    seen = {}
    for width in (10, 30):
        result = engine_page(engine, "blockade", width=width)
        results(page, "blockade", width=width)
        assert shown_hits(page) == [(h.doc_id, h.start) for h in result.hits]
        seen[width] = {side: check_context(shown_context(page, side), result.hits, side)
                       for side in ("left", "right")}
    for side in ("left", "right"):
        assert sum(seen[30][side]) > sum(seen[10][side]), (side, seen)
        # the old table showed about 6 words whatever the width
        assert sum(seen[30][side]) / len(seen[30][side]) >= 9, (side, seen[30][side])
    assert max(seen[10]["left"]) == 10      # a width of 10 fits whole on a 1280 px screen


def test_a_phrase_hit_stays_on_one_line(page, engine):
    for query in ('"naval blockade"', '"Soviet missile bases"'):
        result = engine_page(engine, query)
        results(page, query)
        links = page.locator("table#kwic tr.hit td.match a.hit-link")
        assert links.count() == len(result.hits) > 0
        lines = links.evaluate_all("""els => els.map(a => {
            const rects = Array.from(a.getClientRects()).filter(r => r.width > 0);
            const tops = new Set(rects.map(r => Math.round(r.top)));
            return tops.size;
        })""")
        assert lines == [1] * len(result.hits), (query, lines)
        assert [t.strip() for t in links.all_inner_texts()] == [h.match for h in result.hits]


def test_document_ids_and_speakers_are_shown_in_full(page, engine):
    result = engine_page(engine, "blockade")
    assert "Nikita Khrushchev" in {h.speaker for h in result.hits}
    results(page, "blockade")
    for cell, values in (("doc", [h.doc_id for h in result.hits]),
                         ("speaker", [h.speaker or "" for h in result.hits])):
        cells = page.locator(f"table#kwic tr.hit td.{cell}")
        shown = cells.evaluate_all("els => els.map(e => (e.querySelector('a') || e).textContent.trim())")
        assert shown == values
        overflow = cells.evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth)"
                                      ".map(e => e.textContent.trim())")
        assert overflow == [], (cell, overflow)
        clipped = cells.evaluate_all("els => els.filter(e => getComputedStyle(e).textOverflow === 'ellipsis'"
                                     " && getComputedStyle(e).overflow === 'hidden').length")
        assert clipped == 0, cell


# ---------------------------------------------------------------- 2. a line opens to its passage

def catalog_passage(engine, passage_id: int) -> tuple[str, int, int]:
    with engine.catalog.session() as session:
        passage = session.get(Passage, passage_id)
        return passage.document.text[passage.start:passage.end], passage.start, passage.end


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check_opened_passage(page, engine, hit) -> None:
    text, start, end = catalog_passage(engine, hit.passage_id)
    assert start <= hit.start < hit.end <= end
    shown = page.locator("#passage-1")
    assert shown.is_visible()
    assert squeeze(shown.locator(".passage-text").inner_text()) == squeeze(text)
    marks = shown.locator(".passage-text mark.hit")
    assert marks.count() == 1 and squeeze(marks.inner_text()) == hit.match
    before = marks.evaluate("m => m.closest('.passage-text').textContent.slice(0, "
                            "m.closest('.passage-text').textContent.indexOf(m.textContent))")
    assert squeeze(before) == squeeze(text[:hit.start - start])    # the occurrence that was hit
    assert shown.locator(".speaker-label").text_content().strip() == hit.speaker     # CSS upper-cases it
    assert hit_target(shown.locator("a.passage-doc").get_attribute("href")) == (hit.doc_id, hit.start)


def test_a_line_opens_to_its_whole_passage(page, engine):
    result = engine_page(engine, "blockade")
    first = result.hits[0]
    assert first.passage_id and first.speaker == "Nikita Khrushchev"
    results(page, "blockade")
    assert not page.locator("#passage-1").is_visible()
    page.locator("table#kwic tr.hit").first.locator("summary").click()
    check_opened_passage(page, engine, first)
    with page.expect_navigation():
        page.locator("#passage-1 a.passage-doc").click()
    assert page.locator(f"#hit-{first.start}").count() == 1


def test_a_line_opens_without_javascript(chromium, base_url, engine):
    context = chromium.new_context(base_url=base_url, java_script_enabled=False,
                                   viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        results(page, "blockade")
        page.locator("table#kwic tr.hit").first.locator("summary").click()
        check_opened_passage(page, engine, engine_page(engine, "blockade").hits[0])
    finally:
        context.close()


def test_the_page_reads_its_passages_in_one_query(app, engine):
    """The passages of a page of lines come from one catalog query, not one per line."""
    from sqlalchemy import event

    from web import services
    from web.views.documents import hit_passages

    from dataclasses import replace

    hits = engine_page(engine, "missile", per=50).hits
    assert len(hits) == 50 and all(h.passage_id for h in hits)
    # text no passage covers opens to its paragraph (the seeds' hits all lie in passages)
    hits[1::7] = [replace(h, passage_id=None) for h in hits[1::7]]
    statements = []
    with app.app_context():
        catalog_engine = services().catalog.engine
        listen = lambda conn, cursor, statement, *rest: statements.append(statement)   # noqa: E731
        event.listen(catalog_engine, "before_cursor_execute", listen)
        try:
            passages = hit_passages(hits)
        finally:
            event.remove(catalog_engine, "before_cursor_execute", listen)
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 1, statements
    assert len(passages) == len(hits)
    for hit, passage in zip(hits, passages):
        assert squeeze(passage.match) == hit.match
        if hit.passage_id:
            text, _start, _end = catalog_passage(engine, hit.passage_id)
            assert passage.before + passage.match + passage.after == text
        else:
            with engine.catalog.session() as session:
                whole = session.get(Document, hit.doc_id).text
            paragraph = passage.before + passage.match + passage.after
            at = whole.index(paragraph)
            assert at + len(passage.before) == hit.start and "\n\n" not in paragraph
            assert whole[at - 2:at] in ("\n\n", "") and whole[at + len(paragraph):][:2] in ("\n\n", "")


# ---------------------------------------------------------------- 3. the document at a hit

def test_a_hit_link_puts_the_hit_a_third_down_with_its_speaker(page, engine):
    query = "Cuba"
    hits = engine.search(SearchRequest(query=query, limit=1000)).hits
    hit = next(h for h in hits if h.doc_id == "frus1961-63v05:d85" and h.start == 12184)
    assert hit.speaker == "Nikita Khrushchev"
    _text, passage_start, _end = catalog_passage(engine, hit.passage_id)
    assert hit.start - passage_start > 2500        # the passage's own label is far above

    page.goto(f"/doc/{hit.doc_id}?{urlencode({'q': query})}#hit-{hit.start}")
    page.wait_for_function("window.scrollY > 0")
    page.wait_for_timeout(200)
    top, height = page.evaluate(f"""() => [document.getElementById('hit-{hit.start}').getBoundingClientRect().top,
                                          window.innerHeight]""")
    assert 0.20 * height <= top <= 0.45 * height, (top, height)
    label = page.locator(f"#hit-{hit.start}-speaker")
    assert label.is_visible() and label.text_content().strip() == hit.speaker
    passage_label = page.locator(f'div.passage[data-start="{passage_start}"] > span.speaker-label')
    assert passage_label.evaluate("el => el.getBoundingClientRect().bottom") < 0   # scrolled away

    # the next-hit link also lands a third down
    page.click("a#next-hit")
    page.wait_for_timeout(300)
    current = page.evaluate("location.hash.slice(1)")
    top = page.evaluate(f"document.getElementById('{current}').getBoundingClientRect().top")
    assert 0.20 * height <= top <= 0.45 * height, (current, top)


# ---------------------------------------------------------------- 4. jump to a page

def test_jump_to_any_page_and_out_of_range(page, engine):
    first = engine_page(engine, "missile")
    pages = -(-first.total_hits // 25)
    assert pages == 3
    results(page, "missile", sort="R1")
    form = page.locator("nav#pager form#page-jump")
    assert form.get_attribute("method").lower() == "get"
    form.locator("input[name=page]").fill("3")
    with page.expect_navigation():
        form.locator("input[name=page]").press("Enter")
    params = url_params(page.url)
    assert params["page"] == ["3"] and params["q"] == ["missile"] and params["sort"] == ["R1"]
    assert f"page 3 of {pages}" in page.inner_text("nav#pager")
    third = engine_page(engine, "missile", page_no=3, sort="R1")
    assert shown_hits(page) == [(h.doc_id, h.start) for h in third.hits]

    form = page.locator("nav#pager form#page-jump")
    form.locator("input[name=page]").fill("9")
    with page.expect_navigation():
        form.locator("button").click()
    assert url_params(page.url)["page"] == ["9"]
    assert f"There is no page 9; the last page is page {pages}" in page.inner_text("p.no-hits")
    assert shown_totals(page) == (first.total_hits, first.total_documents)


def test_jump_to_page_works_without_javascript(chromium, base_url):
    context = chromium.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        results(page, "missile")
        page.fill("form#page-jump input[name=page]", "2")
        with page.expect_navigation():
            page.click("form#page-jump button")
        assert url_params(page.url)["page"] == ["2"]
        assert "page 2 of 3" in page.inner_text("nav#pager")
    finally:
        context.close()


# ---------------------------------------------------------------- 5. context sorts break ties outward

def context_words(hit, sort: str) -> tuple[str, ...]:
    depth = int(sort[1])
    words = tokenize(hit.left)[::-1] if sort[0] == "L" else tokenize(hit.right)
    words = words[depth - 1:depth + 2]
    return tuple(words + [""] * (3 - len(words)))


@pytest.mark.parametrize("sort", ["L1", "R1"])
def test_context_sort_ties_follow_the_next_word_outward_on_the_page(page, engine, sort):
    result = engine.search(SearchRequest(query="missile", sort=sort, limit=200, width=8))
    results(page, "missile", sort=sort, per=200)
    assert shown_hits(page) == [(h.doc_id, h.start) for h in result.hits]
    keys = [context_words(h, sort) for h in result.hits]
    assert keys == sorted(keys)
    groups = {}
    for key in keys:
        groups.setdefault(key[0], set()).add(key[1])
    assert max(len(seconds) for seconds in groups.values()) >= 3     # real ties, broken


# Space on the page between the hit's highlight and the nearest context word on each side.
HIT_GAPS = """row => {
    const hit = row.querySelector('td.match a.hit-link').getBoundingClientRect();
    const near = side => {
        const words = Array.from(row.querySelectorAll(`td.${side} .ctx .w`));
        if (!words.length) return null;
        const box = (side === 'left' ? words[words.length - 1] : words[0]).getBoundingClientRect();
        return side === 'left' ? hit.left - box.right : box.left - hit.right;
    };
    return [near('left'), near('right')];
}"""


def test_a_mark_against_the_hit_shows_no_gap(page, engine):
    """"missile-carrying", "missile," and "(missile" read as the text prints them; a word after a
    space keeps its space."""
    result = engine.search(SearchRequest(query="missile", limit=200, width=8))
    results(page, "missile", per=200)
    assert shown_hits(page) == [(h.doc_id, h.start) for h in result.hits]
    gaps = page.locator("table#kwic tr.hit").evaluate_all(f"rows => rows.map({HIT_GAPS})")
    glued = {"left": 0, "right": 0}
    for hit, (left, right) in zip(result.hits, gaps, strict=True):
        for side, gap, context in (("left", left, hit.left), ("right", right, hit.right)):
            if not context:
                continue
            text = _document_text(engine, hit.doc_id)
            touching = (text[hit.start - 1] if side == "left" else text[hit.end]) not in " \n\t"
            against_a_mark = touching and not (context[-1] if side == "left" else context[0]).isalnum()
            if against_a_mark:
                glued[side] += 1
                assert gap <= 1, (side, hit.doc_id, hit.start, context[-12:] if side == "left" else context[:12], gap)
            else:
                assert gap >= 4, (side, hit.doc_id, hit.start, gap)
    assert glued["right"] >= 2 and glued["left"] >= 2, glued


def _document_text(engine, doc_id: str) -> str:
    with engine.catalog.session() as session:
        return session.get(Document, doc_id).text


# ---------------------------------------------------------------- 6. a 390 px phone

PHONE_PAGES = [
    "/", "/search?q=blockade", '/search?q="Soviet missile bases"&width=30', "/search?q=missile&sort=L1",
    "/doc/wilson:300041?q=defeat", "/doc/frus1961-63v05:d85?q=Cuba", "/browse", "/browse?source=wilson",
    "/compare", "/timeline?q=blockade&q2=quarantine&by=year", "/side-by-side?q=blockade&q2=quarantine&by=source",
    "/distribution?q=blockade&by=source", "/collocates?q=missile", "/frequencies?filter=year:1962",
    "/keywords?a=source:wilson&b=source:frus1961-63v05&min=3&limit=20",
]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_page_scrolls_sideways_on_a_phone(chromium, base_url, problems, path):
    context = chromium.new_context(base_url=base_url, viewport=PHONE)
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        response = page.goto(path)
        assert response.status == 200, path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], (path, wide, page.evaluate("""() => Array.from(document.querySelectorAll(
            'body *')).filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.kwic-wrap, .table-scroll'))
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""))
        for link in page.locator("table.kwic tr.hit td.match a").all()[:10]:
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, box)
    finally:
        context.close()
    assert not problems, problems
