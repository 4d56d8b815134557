"""Browse (/browse): the sources, the years, and the documents by date, so the corpus can be
explored without a query. Parameters: source, year (a year or "undated"), page, per."""
from __future__ import annotations

import math

from flask import Blueprint, render_template, request, url_for
from sqlalchemy import String, func, select

from corpus.citation import source_title
from corpus.models import Document, Source
from corpus.queries import source_coverage

from .. import services
from ..errors import BadParameter
from . import MAX_PER_PAGE, default_per_page, int_param

bp = Blueprint("browse", __name__)

MAX_PAGE = 1_000_000


@bp.get("/browse")
def index():
    source = (request.args.get("source") or "").strip()
    year = (request.args.get("year") or "").strip()
    if year and year != "undated" and not (len(year) == 4 and year.isascii() and year.isdigit()):
        raise BadParameter(f"year must be a four-digit year or 'undated' (got {year[:20]!r})")
    per = int_param(request.args, "per", default_per_page(), 1, MAX_PER_PAGE)
    page = int_param(request.args, "page", 1, 1, MAX_PAGE)
    with services().catalog.session() as session:
        sources = _sources(session)
        if source and source not in {s["key"] for s in sources}:
            raise BadParameter(f"there is no source called {source[:80]!r}; pick one from the list on /browse")
        years = _years(session, source)
        total, documents = _documents(session, source, year, page, per)
    pages = max(1, math.ceil(total / per))
    return render_template("browse.html", sources=sources, years=years, documents=documents, total=total,
                           source=source, source_title=source_title(source) if source else "", year=year, pager=_pager(source, year, page, pages, per))


def _sources(session) -> list[dict]:
    return source_coverage(session)


def _year_column():
    return func.substr(func.cast(Document.date_start, String), 1, 4)


def _filtered(query, source: str, year: str = ""):
    if source:
        query = query.where(Document.source_id == select(Source.id).where(Source.key == source).scalar_subquery())
    if year == "undated":
        query = query.where(Document.date_start.is_(None))
    elif year:
        query = query.where(_year_column() == year)
    return query


def _years(session, source: str) -> list[tuple[str, int]]:
    year = _year_column()
    rows = session.execute(_filtered(select(year, func.count(Document.id)), source)
                           .where(Document.date_start.is_not(None)).group_by(year).order_by(year)).all()
    undated = session.scalar(_filtered(select(func.count(Document.id)), source, "undated"))
    return [(y, n) for y, n in rows] + ([("undated", undated)] if undated else [])


def _documents(session, source: str, year: str, page: int, per: int):
    total = session.scalar(_filtered(select(func.count(Document.id)), source, year))
    rows = session.execute(
        _filtered(select(Document.id, Document.date_start, Document.date_text, Document.title, Document.doc_type,
                         Document.token_count), source, year)
        .order_by(Document.date_start.is_(None), Document.date_start, Document.seq)
        .offset((page - 1) * per).limit(per)).all()
    return total, rows


def browse_url(source: str = "", year: str = "", page: int = 1, per: int | None = None) -> str:
    params = {k: v for k, v in (("source", source), ("year", year)) if v}
    if page != 1:
        params["page"] = page
    if per and per != default_per_page():
        params["per"] = per
    return url_for("browse.index", **params)


def _pager(source: str, year: str, page: int, pages: int, per: int) -> dict:
    return {
        "page": page, "pages": pages,
        "first": browse_url(source, year, 1, per) if page > 1 else None,
        "prev": browse_url(source, year, min(page - 1, pages), per) if page > 1 else None,
        "next": browse_url(source, year, page + 1, per) if page < pages else None,
        "last": browse_url(source, year, pages, per) if page < pages else None,
        "past_end": page > pages,
    }


@bp.app_context_processor
def helpers():
    return {"browse_url": browse_url}
