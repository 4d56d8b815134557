"""The `corpus` command: wires the catalog, the index and the web app together."""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from corpus.db import Catalog
from corpus import db as catalog_db
from corpus.catalog_copy import copy_catalog
from corpus.errors import CorpusError, NotFound
from corpus.ingest import CatalogWriteError, IngestOptions, Ingester
from corpus.queries import document_json, stats_json
from corpus.readers import format_names
from search.check import check as check_index, repair as repair_index
from search.engine import SORTS, SearchEngine, SearchRequest
from search.errors import IndexBusy, SearchError
from search.indexer import IndexWriteError, Indexer, busy_message, index_dir
from search.stats import COLLOCATE_MEASURES, DISTRIBUTION_FACETS, KEYWORD_SORTS
from search.stats import compare as compare_of
from search.stats import frequency_list
from search.stats import keywords as keywords_of
from search.stats import collocates as collocates_of
from search.stats import distribution as distribution_of


class UsageError(click.UsageError):
    exit_code = 2


class Context:
    def __init__(self, instance: Path, db_url: str | None):
        self.instance = instance
        self.db_url = db_url
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            try:
                self._catalog = Catalog.for_instance(self.instance, self.db_url)
            except CorpusError as exc:
                raise click.ClickException(str(exc)) from None
        return self._catalog


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")(func)


def emit_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def fail(message: str, as_json: bool, code: int = 1) -> None:
    """Print a one-line error (or {"error": ...}) and exit with `code`."""
    if as_json:
        click.echo(json.dumps({"error": message}, ensure_ascii=False))
    else:
        click.echo(f"Error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--instance", type=click.Path(file_okay=False, path_type=Path),
              default=lambda: os.environ.get("CORPUS_INSTANCE", "instance"), show_default="./instance",
              help="Folder holding the catalog and the index (env CORPUS_INSTANCE).")
@click.option("--database-url", "--db-url", "db_url", envvar="CORPUS_DATABASE_URL", default=None, metavar="URL",
              help="Catalog database: sqlite:///PATH or postgresql+psycopg://USER@HOST/DB (default: "
                   "sqlite:///INSTANCE/catalog.sqlite; env CORPUS_DATABASE_URL; --db-url is the old name).")
@click.pass_context
def cli(ctx: click.Context, instance: Path, db_url: str | None) -> None:
    """crisis-corpus: search and compare Cold War crisis documents.

    \b
    Start with:
      corpus ingest seeds/          # read the bundled documents into the catalog
      corpus stats                  # what is in it
      corpus show wilson:300041     # one document, with speakers
    """
    ctx.obj = Context(Path(instance), db_url)


# ---------------------------------------------------------------- ingest

def parse_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        field, sep, column = value.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"{value!r} is not FIELD=COLUMN (e.g. --map text=body)", param_hint="--map")
        mapping[field.strip()] = column.strip()
    return mapping


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", *format_names()]),
              help="Reader to use; auto picks one per file from its name and content.")
@click.option("--source", default=None, help="Source key for every document read (default: from the "
              "file, or the folder holding a README/SOURCE file, or the folder named).")
@click.option("--map", "mappings", multiple=True, metavar="FIELD=COLUMN",
              help="Column mapping for CSV/JSON Lines tables (repeatable): id, title, date, text, text_file, "
                   "speaker, participants, source, language, doc_type ...")
@json_option
@click.pass_obj
def ingest(obj: Context, paths, fmt, source, mappings, as_json) -> None:
    """Read documents into the catalog (folders are read recursively).

    Re-ingesting unchanged files changes nothing; a changed file replaces its documents;
    the same text under two files is reported as a duplicate. Exit status 1 if any file or
    record was rejected (the rest is ingested), 2 for usage errors.

    \b
    Examples:
      corpus ingest seeds/
      corpus ingest frus_1961_63_volume5_clean.txt --format frus-text
      corpus ingest US_News_Conferences_1960_1980.csv --map speaker=president
      corpus ingest metadata.csv --map text_file=file --map date=date --source my-project
      corpus ingest ../shared/corpus --json
    """
    options = IngestOptions(format=fmt, source=source, mapping=parse_mapping(mappings))
    indexer = Indexer(obj.catalog, obj.instance)
    tally = IndexTally(indexer)
    ingester = Ingester(obj.catalog, options, on_batch=tally.update)
    show_bar = not as_json and sys.stderr.isatty()
    try:
        # One writer at a time, from the first catalog write to the last index update; the
        # index is updated and published after every batch of files (corpus.ingest.BATCH_MIN_WORDS).
        with indexer.exclusive():
            tally.catch_up()
            if show_bar:
                files = ingester.files_in(paths)
                with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr,
                                       item_show_func=lambda p: Path(p).name[-40:] if p else "") as bar:
                    ingester.progress = lambda p: bar.update(1, p)
                    report = ingester.run(paths)
            else:
                report = ingester.run(paths)
    except (IndexBusy, CatalogWriteError, IndexWriteError) as exc:
        fail(str(exc), as_json, code=1)
    index_note = tally.note()
    recount = recount_saved(obj, report, index_note)
    if as_json:
        emit_json({**report.to_json(), "index": index_note, "saved": recount.to_json() if recount else None})
    else:
        print_ingest_summary(report)
        click.echo(index_note)
        if recount:
            click.echo(recount.line())
    sys.exit(1 if report.rejected else 0)


class IndexTally:
    """Index updates of one ingest (one per batch, and a catch-up first), summed for its note."""

    def __init__(self, indexer: Indexer):
        self.indexer = indexer
        self.documents = self.removed = self.entries = self.updates = 0

    def catch_up(self) -> None:
        """Index what an interrupted ingest stored but did not index (or publish a first, empty
        index), so that this ingest starts from a catalog and an index in step."""
        documents, removed, entries = self.indexer.catch_up()
        self.documents, self.removed, self.entries = documents, removed, entries
        self.updates += bool(documents or removed)

    def update(self, changed: list[str], removed: list[str]) -> None:
        self.entries += self.indexer.update(changed, removed)
        self.documents += len(changed)
        self.removed += len(removed)
        self.updates += 1

    def note(self) -> str:
        if not self.updates:
            return "Index: up to date."
        batches = f" in {self.updates} updates" if self.updates > 1 else ""
        return (f"Index: {self.documents} documents indexed ({self.entries:,} entries), "
                f"{self.removed} removed{batches}.")


def update_index(obj: Context, indexer: Indexer, changed: list[str], removed: list[str], show_bar: bool) -> str:
    """Bring the index up to date after an ingest; returns a one-line note for the summary."""
    if not changed and not removed and index_dir(obj.instance).exists():
        return "Index: up to date."
    try:
        with progress_bar(show_bar, len(changed), "Indexing") as step:
            indexer.progress = step
            if not index_dir(obj.instance).exists():
                entries = indexer.rebuild()
            else:
                entries = indexer.update(changed, removed)
    except IndexBusy:
        return ("Index: NOT updated (" + busy_message() + "); run `corpus check --repair` afterwards.")
    return f"Index: {len(changed)} documents indexed ({entries:,} entries), {len(removed)} removed."


class progress_bar:
    """A click progress bar on a terminal, nothing elsewhere; yields a step(n) function."""

    def __init__(self, show: bool, length: int, label: str):
        self.bar = click.progressbar(length=length, label=label, file=sys.stderr) if show and length else None

    def __enter__(self):
        if self.bar is None:
            return lambda n=1: None
        self.bar.__enter__()
        return lambda n=1: self.bar.update(n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def print_ingest_summary(report) -> None:
    t = report.throughput()
    click.echo(f"Read {report.files} files, {report.documents_read} documents, {report.tokens_read:,} words "
               f"in {report.seconds:.1f} s ({t['documents_per_second']:,} documents/s, "
               f"{t['words_per_second']:,} words/s)")
    rows = [("added", len(report.added)), ("updated", len(report.updated)), ("unchanged", report.unchanged),
            ("removed", len(report.removed)), ("duplicates", len(report.duplicates)),
            ("skipped", len(report.skipped)), ("rejected", len(report.rejected))]
    click.echo("  " + "  ".join(f"{name} {count}" for name, count in rows))
    for title, problems in (("Duplicates", report.duplicates), ("Rejected", report.rejected)):
        if problems:
            click.echo(f"{title}:")
            for problem in problems:
                click.echo(f"  {problem.line()}")
    click.echo(f"Corpus version {report.corpus_version}.")


# ---------------------------------------------------------------- show / stats

@cli.command()
@click.argument("doc_id")
@click.option("--text", "with_text", is_flag=True, help="Include the full text.")
@json_option
@click.pass_obj
def show(obj: Context, doc_id, with_text, as_json) -> None:
    """Show one document: metadata, participants and speaker passages.

    \b
    Examples:
      corpus show wilson:300041
      corpus show frus1961-63v05:d253 --json
    """
    with obj.catalog.session() as session:
        try:
            doc = document_json(session, doc_id, with_text=with_text or not as_json)
        except NotFound as exc:
            fail(str(exc), as_json, code=1)
    if as_json:
        emit_json(doc)
    else:
        print_document(doc)


def print_document(doc: dict) -> None:
    click.secho(doc["title"], bold=True)
    for label, key in (("id", "id"), ("type", "doc_type"), ("date", "date_text"), ("place", "place"),
                       ("source", "source"), ("language", "language"), ("original", "original_language"),
                       ("citation", "citation"), ("classification", "classification"), ("url", "url"),
                       ("summary", "summary")):
        if doc.get(key):
            click.echo(f"{label:>14}: {doc[key]}")
    if doc["date_start"]:
        click.echo(f"{'interval':>14}: {doc['date_start']} .. {doc['date_end']} ({doc['date_precision']})")
    for p in doc["participants"]:
        click.echo(f"{'participant':>14}: {p['name']} ({p['role']})")
    click.echo(f"{'words':>14}: {doc['token_count']:,}")
    click.echo()
    text = doc.get("text", "")
    for passage in doc["passages"]:
        label = f"[{passage['speaker']}] " if passage["speaker"] else ""
        click.echo(f"{label}{text[passage['start']:passage['end']]}\n")


@cli.command()
@json_option
@click.pass_obj
def stats(obj: Context, as_json) -> None:
    """Corpus totals: documents, words, by source, by year, and speakers."""
    with obj.catalog.session() as session:
        data = stats_json(session, obj.catalog.corpus_version(session))
    if as_json:
        emit_json(data)
        return
    click.echo(f"{data['documents']:,} documents, {data['tokens']:,} words, corpus version {data['corpus_version']}")
    click.echo("By source:")
    for key, row in data["by_source"].items():
        click.echo(f"  {key:<40} {row['documents']:>7,} documents {row['tokens']:>12,} words")
    click.echo("By year:")
    for year, count in data["by_year"].items():
        click.echo(f"  {year}  {count:,}")
    if data["undated"]:
        click.echo(f"  undated  {data['undated']:,}")
    click.echo("Top speakers (passages, documents):")
    for row in data["speakers"][:20]:
        click.echo(f"  {row['name']:<40} {row['passages']:>6,} {row['documents']:>6,}")


# ---------------------------------------------------------------- index commands

@cli.command()
@click.pass_obj
def reindex(obj: Context) -> None:
    """Rebuild the search index from the catalog (the old index is replaced when the new one is done)."""
    indexer = Indexer(obj.catalog, obj.instance)
    with obj.catalog.session() as s:
        from corpus.models import Document
        from sqlalchemy import func, select
        total = s.scalar(select(func.count()).select_from(Document))
    try:
        with progress_bar(sys.stderr.isatty(), total, "Indexing") as step:
            indexer.progress = step
            entries = indexer.rebuild()
    except (IndexBusy, IndexWriteError) as exc:
        fail(str(exc), False, code=1)
    click.echo(f"Indexed {total:,} documents ({entries:,} entries) into {index_dir(obj.instance)}.")


@cli.command("check")
@click.option("--repair", is_flag=True, help="Re-index what is missing, stale or damaged; drop what is extra.")
@json_option
@click.pass_obj
def check_cmd(obj: Context, repair, as_json) -> None:
    """Compare the catalog and the index (documents, entries, versions) and report any drift.

    Exit status 0 when they agree (or were repaired), 1 when they drift.

    \b
    Examples:
      corpus check
      corpus check --repair
    """
    drift = check_index(obj.catalog, obj.instance)
    repaired = 0
    if repair and not drift.ok:
        try:
            repaired = repair_index(obj.catalog, obj.instance, drift)
        except (IndexBusy, IndexWriteError) as exc:
            fail(str(exc), as_json, code=1)
        after = check_index(obj.catalog, obj.instance)
    else:
        after = drift
    if as_json:
        emit_json({**drift.to_json(), "repaired": repaired, "ok_after": after.ok})
    else:
        click.echo(f"Catalog: {drift.catalog_documents:,} documents; index: {drift.index_documents:,} documents.")
        for label, ids in (("missing from the index", drift.missing), ("in the index only", drift.extra),
                           ("indexed from an older version", drift.stale), ("damaged in the index", drift.damaged)):
            if ids:
                click.echo(f"  {len(ids)} {label}: {', '.join(ids[:10])}{' …' if len(ids) > 10 else ''}")
        for problem in drift.damaged_files[:10]:
            click.echo(f"  Damaged index file: {problem}; --repair (or `corpus reindex`) rebuilds the index.")
        if len(drift.damaged_files) > 10:
            click.echo(f"  … and {len(drift.damaged_files) - 10} more damaged files.")
        if drift.no_manifest:
            click.echo("  The index was written by an older version, without checksums: its files cannot be "
                       "checked until `corpus reindex` rewrites it.")
        if drift.no_token_store:
            click.echo("  The index's token store is missing or unreadable; --repair rebuilds it.")
        for note in drift.notes:
            click.echo(f"  {note}")
        if drift.stale_positions:
            click.echo("  The position arrays (fast phrase search) are missing or out of date; searches use the "
                       "slower index meanwhile; --repair rebuilds them.")
        if drift.ok:
            click.echo("The index agrees with the catalog.")
        elif repair:
            click.echo(f"Repaired: {repaired} documents re-indexed or removed; "
                       f"{'the index now agrees with the catalog.' if after.ok else 'drift remains.'}")
        else:
            click.echo("Run `corpus check --repair` to fix it.")
    sys.exit(0 if after.ok else 1)


# ---------------------------------------------------------------- search

def run_engine(obj: Context, as_json: bool, work):
    """Run `work(engine)` on a search engine over the instance; a SearchError ends the command
    with its one-line message and exit status 2."""
    engine = SearchEngine(obj.catalog, obj.instance)
    try:
        return work(engine)
    except SearchError as exc:
        fail(str(exc), as_json, code=2)
    finally:
        engine.close()


def filter_options(func):
    """The filter options shared by search and the comparison commands."""
    for option in reversed([
        click.option("--speaker", help='Only passages spoken by this person (any alias): --speaker "Blas Roca".'),
        click.option("--participant", help="Only documents with this participant."),
        click.option("--source", help="Only this source key (frus1961-63v05, wilson, ...)."),
        click.option("--lang", help="Only documents in this language (English)."),
        click.option("--type", "doc_type", help="Only this document type (memcon, telegram, speech, ...)."),
        click.option("--from", "date_from", metavar="DATE", help="Documents dated on or after: 1962-10-16, 1962-10, 1962."),
        click.option("--to", "date_to", metavar="DATE", help="Documents dated on or before: 1962-10-28, 1962-10, 1962."),
    ]):
        func = option(func)
    return func


@cli.command()
@click.argument("query", required=False, default="")
@filter_options
@click.option("--variants", is_flag=True, help="Match word variants (stemming): blockade also finds blockades.")
@click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True,
              help="Order of the lines: date, document, relevance, or the words left (L1-L3) / right (R1-R3).")
@click.option("--width", type=click.IntRange(0, 50), default=8, show_default=True, help="Context words each side.")
@click.option("--limit", type=click.IntRange(0, 1000), default=20, show_default=True, help="Lines to show.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Lines to skip (paging).")
@json_option
@click.pass_obj
def search(obj: Context, query, speaker, participant, source, lang, doc_type, date_from, date_to, variants,
           sort, width, limit, offset, as_json) -> None:
    """Search the corpus and print keyword-in-context lines.

    \b
    Query language:
      blockade                     a word (exact form, any case)
      "naval blockade"             a phrase;  "missile bases"~5  words near each other
      blockad*                     a prefix (at least 3 letters)
      quarantine OR blockade       AND (the default), OR, NOT, ( )
      speaker:"Blas Roca"  participant:Gromyko  source:wilson  lang:English  type:memcon
      year:1962  date:1962-10-16..1962-10-28  date:1962-10  date:..1962-10-27

    \b
    Examples:
      corpus search defeat
      corpus search '"Soviet missile bases"' --from 1962-11 --to 1962-11
      corpus search 'blockade OR quarantine' --speaker Khrushchev --sort L1 --json

    \b
    A speaker alone, with no words, lists that speaker's passages:
      corpus search --speaker "Blas Roca"
      corpus search 'speaker:Kennedy' --from 1961-06 --to 1961-06
    """
    request = SearchRequest(query=query, speaker=speaker, participant=participant, source=source, lang=lang,
                            type=doc_type, date_from=date_from, date_to=date_to, variants=variants, sort=sort,
                            width=width, limit=limit, offset=offset)
    result = run_engine(obj, as_json, lambda engine: engine.search(request))
    if as_json:
        emit_json(result.to_json())
    else:
        print_kwic(result)


def print_warnings(result) -> None:
    for warning in result.warnings:
        click.echo(f"Note: {warning}")


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def print_kwic(result) -> None:
    unit = "passage" if result.kind == "passages" else "hit"
    click.echo(f"{plural(result.total_hits, unit)} in {plural(result.total_documents, 'document')} "
               f"({result.seconds * 1000:.0f} ms)")
    print_warnings(result)
    if not result.hits:
        return
    if result.kind == "passages":
        for hit in result.hits:
            click.echo(f"{line_meta(hit)}  {hit.match}{' ' + hit.right if hit.right else ''}")
    else:
        left_width = min(60, max(len(h.left) for h in result.hits))
        for hit in result.hits:
            left = hit.left if len(hit.left) <= left_width else "…" + hit.left[-(left_width - 1):]
            click.echo(f"{line_meta(hit)}  {left:>{left_width}} [{click.style(hit.match, bold=True)}] {hit.right}")
    shown_to = result.offset + len(result.hits)
    if shown_to < result.total_hits:
        label = "Passages" if result.kind == "passages" else "Lines"
        click.echo(f"{label} {result.offset + 1}–{shown_to} of {result.total_hits:,}; "
                   f"--offset {shown_to} for more.")


def line_meta(hit) -> str:
    return f"{hit.date or 'undated':<10}  {hit.doc_id[:28]:<28}  {(hit.speaker or '')[:18]:<18}"


# ---------------------------------------------------------------- comparison

@cli.command()
@click.argument("query")
@click.option("--by", "by", required=True, type=click.Choice(DISTRIBUTION_FACETS),
              help="The facet to distribute the hits over.")
@filter_options
@click.option("--variants", is_flag=True, help="Match word variants (stemming).")
@click.option("--all-values", is_flag=True, help="Also list values the query does not occur in (0 hits).")
@json_option
@click.pass_obj
def distribution(obj: Context, query, by, speaker, participant, source, lang, doc_type, date_from, date_to,
                 variants, all_values, as_json) -> None:
    """How a query's hits spread over a facet: hits, documents, words and hits per million words.

    \b
    Examples:
      corpus distribution blockade --by source
      corpus distribution '"missile bases"' --by month --from 1962 --to 1962 --all-values
      corpus distribution quarantine --by speaker --json
    """
    request = SearchRequest(query=query, speaker=speaker, participant=participant, source=source, lang=lang,
                            type=doc_type, date_from=date_from, date_to=date_to, variants=variants)
    result = run_engine(obj, as_json, lambda engine: distribution_of(engine, request, by, all_values))
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"{plural(result.total_hits, 'hit')} of {query} by {by}, over {result.total_tokens:,} words")
    print_warnings(result)
    width = max([len(r.value) for r in result.rows] + [5])
    click.echo(f"{by:<{width}}  {'hits':>8}  {'docs':>6}  {'words':>11}  {'per million':>11}")
    for row in result.rows:
        click.echo(f"{row.value:<{width}}  {row.hits:>8,}  {row.documents:>6,}  {row.tokens:>11,}  "
                   f"{row.per_million:>11,.2f}")


@cli.command()
@click.argument("query")
@click.option("--window", type=click.IntRange(1, 20), default=5, show_default=True,
              help="Words on each side of the hit.")
@click.option("--left", type=click.IntRange(0, 20), default=None, help="Words to the left (overrides --window).")
@click.option("--right", type=click.IntRange(0, 20), default=None, help="Words to the right (overrides --window).")
@click.option("--by", "by", type=click.Choice(COLLOCATE_MEASURES), default="log_dice", show_default=True,
              help="Measure to sort by.")
@click.option("--min", "min_cooc", type=click.IntRange(1), default=2, show_default=True,
              help="Least co-occurrences for a collocate to be listed.")
@click.option("--limit", type=click.IntRange(1, 1000), default=30, show_default=True, help="Rows to show.")
@filter_options
@click.option("--variants", is_flag=True, help="Match word variants (stemming).")
@json_option
@click.pass_obj
def collocates(obj: Context, query, window, left, right, by, min_cooc, limit, speaker, participant, source, lang,
               doc_type, date_from, date_to, variants, as_json) -> None:
    """Words that keep company with a query: co-occurrences within a window, MI, t-score,
    log-likelihood and logDice (formulas in search/stats.py).

    \b
    Examples:
      corpus collocates missile
      corpus collocates blockade --window 3 --by log_likelihood --json
      corpus collocates Cuba --speaker "John F. Kennedy" --left 0 --right 4
    """
    request = SearchRequest(query=query, speaker=speaker, participant=participant, source=source, lang=lang,
                            type=doc_type, date_from=date_from, date_to=date_to, variants=variants)
    left = window if left is None else left
    right = window if right is None else right
    result = run_engine(obj, as_json, lambda engine: collocates_of(engine, request, left, right, by, min_cooc, limit))
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"Collocates of {query} ({plural(result.node_frequency, 'hit')}, window "
               f"{result.window_left} left / {result.window_right} right, {result.corpus_tokens:,} words), by {by}")
    print_warnings(result)
    click.echo(f"{'word':<20} {'cooc':>6} {'freq':>8} {'MI':>7} {'t':>7} {'LL':>9} {'logDice':>8}")
    for r in result.rows:
        click.echo(f"{r.word[:20]:<20} {r.cooccurrences:>6,} {r.frequency:>8,} {r.mi:>7.2f} {r.t_score:>7.2f} "
                   f"{r.log_likelihood:>9.2f} {r.log_dice:>8.2f}")


@cli.command()
@click.option("--a", "a", required=True, metavar="FILTERS", help='Sub-corpus A, e.g. speaker:"John F. Kennedy".')
@click.option("--b", "b", required=True, metavar="FILTERS", help="Sub-corpus B, e.g. source:frus1961-63v05.")
@click.option("--min", "min_freq", type=click.IntRange(1), default=3, show_default=True,
              help="Least frequency in A for a word to be listed.")
@click.option("--limit", type=click.IntRange(1, 5000), default=50, show_default=True, help="Rows to show.")
@click.option("--by", "by", type=click.Choice(KEYWORD_SORTS), default="log_likelihood", show_default=True,
              help="Sort order.")
@json_option
@click.pass_obj
def keywords(obj: Context, a, b, min_freq, limit, by, as_json) -> None:
    """Words over-used in sub-corpus A against sub-corpus B: frequency and per million in each,
    log-likelihood (Rayson & Garside 2000), Log Ratio (Hardie 2014), document range.

    \b
    Examples:
      corpus keywords --a source:wilson --b source:frus1961-63v05
      corpus keywords --a 'speaker:"John F. Kennedy"' --b 'speaker:"Nikita Khrushchev"' --json
    """
    result = run_engine(obj, as_json, lambda engine: keywords_of(engine, a, b, min_freq, limit, by))
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"Keywords of A ({a}: {result.tokens_a:,} words, {plural(result.documents_a, 'document')}) "
               f"against B ({b}: {result.tokens_b:,} words, {plural(result.documents_b, 'document')})")
    print_warnings(result)
    click.echo(f"{'word':<20} {'freq A':>7} {'freq B':>7} {'pm A':>9} {'pm B':>9} {'LL':>9} {'LogR':>6} "
               f"{'rng A':>5} {'rng B':>5}")
    for r in result.rows:
        click.echo(f"{r.word[:20]:<20} {r.freq_a:>7,} {r.freq_b:>7,} {r.per_million_a:>9,.1f} "
                   f"{r.per_million_b:>9,.1f} {r.log_likelihood:>9.2f} {r.log_ratio:>6.2f} {r.range_a:>5} {r.range_b:>5}")


@cli.command()
@click.option("--filter", "expression", default="", metavar="FILTERS",
              help="The sub-corpus, e.g. 'source:wilson date:1962' (default: everything).")
@click.option("--n", "n", type=click.IntRange(1, 3), default=1, show_default=True,
              help="1 for words, 2 or 3 for n-grams (runs of words inside one sentence or clause).")
@click.option("--content", is_flag=True,
              help="Leave out words and n-grams that begin or end with a function word (the, of, to ...).")
@click.option("--min", "min_freq", type=click.IntRange(1), default=1, show_default=True, help="Least frequency.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True, help="Rows to show.")
@json_option
@click.pass_obj
def frequencies(obj: Context, expression, n, content, min_freq, limit, as_json) -> None:
    """Word or n-gram frequency list of a sub-corpus: frequency, per million words, document range.

    \b
    Examples:
      corpus frequencies --filter source:wilson
      corpus frequencies --filter 'speaker:"Nikita Khrushchev"' --limit 100 --json
      corpus frequencies --n 2 --filter 'source:frus1961-63v05 date:1962-10'
      corpus frequencies --n 3 --content          # "nuclear test ban", not "of the"
    """
    result = run_engine(obj, as_json, lambda engine: frequency_list(engine, expression, min_freq, limit, n, content))
    if as_json:
        emit_json(result.to_json())
        return
    kind = "words" if n == 1 else f"{n}-grams"
    click.echo(f"{result.subcorpus}: {result.tokens:,} words, {result.types:,} different {kind}, "
               f"{plural(result.documents, 'document')}")
    print_warnings(result)
    width = 24 if n == 1 else 40
    click.echo(f"{'word' if n == 1 else f'{n}-gram':<{width}} {'freq':>9} {'per million':>12} {'range':>6}")
    for r in result.rows:
        click.echo(f"{r.word[:width]:<{width}} {r.frequency:>9,} {r.per_million:>12,.1f} {r.range:>6,}")


@cli.command()
@click.argument("queries", nargs=-1, required=True)
@click.option("--by", "by", required=True, type=click.Choice(DISTRIBUTION_FACETS), help="The facet to compare over.")
@click.option("--a", "sub_a", metavar="FILTERS", help="With one query: sub-corpus A (e.g. source:wilson).")
@click.option("--b", "sub_b", metavar="FILTERS", help="With one query: sub-corpus B (e.g. source:frus1961-63v05).")
@filter_options
@click.option("--variants", is_flag=True, help="Match word variants (stemming).")
@click.option("--all-values", is_flag=True, help="Also list values none of the queries occurs in.")
@json_option
@click.pass_obj
def compare(obj: Context, queries, by, sub_a, sub_b, speaker, participant, source, lang, doc_type, date_from,
            date_to, variants, all_values, as_json) -> None:
    """Two or more queries side by side over one facet, or one query over two sub-corpora
    (--a/--b filters): hits, documents and per million words.

    \b
    Examples:
      corpus compare blockade quarantine --by source
      corpus compare '"Soviet Union"' USSR --by year --from 1960 --to 1964 --json
      corpus compare missile --a source:wilson --b source:frus1961-63v05 --by year
    """
    if sub_a or sub_b:
        if len(queries) != 1 or not (sub_a and sub_b):
            fail("--a and --b go together, with exactly one query", as_json, code=2)
        queries = (f"({queries[0]}) {sub_a}", f"({queries[0]}) {sub_b}")
    requests = [SearchRequest(query=q, speaker=speaker, participant=participant, source=source, lang=lang,
                              type=doc_type, date_from=date_from, date_to=date_to, variants=variants)
                for q in queries]
    result = run_engine(obj, as_json, lambda engine: compare_of(engine, requests, by, all_values))
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(" vs ".join(f"{q} ({plural(n, 'hit')})" for q, n in zip(result.queries, result.total_hits))
               + f", by {by}")
    print_warnings(result)
    width = max([len(r.value) for r in result.rows] + [len(by)])
    click.echo(f"{by:<{width}} " + " ".join(f"{q[-24:]:>24} {'words':>11} {'pm':>9}" for q in result.queries))
    for row in result.rows:
        cells = " ".join(f"{c.hits:>24,} {c.tokens:>11,} {c.per_million:>9,.1f}" for c in row.cells)
        click.echo(f"{row.value:<{width}} {cells}")


# ---------------------------------------------------------------- saved queries (issue 6)

def run_saved(obj: Context, as_json: bool, work):
    """Run `work(saved_queries)`; an unknown name ends the command with exit status 1, any other
    saved-query or search error (bad name, duplicate, bad query) with exit status 2."""
    from search.errors import SavedQueryNotFound
    from search.saved import SavedQueries

    def with_saved(engine):
        try:
            return work(SavedQueries(obj.catalog, engine))
        except SavedQueryNotFound as exc:
            fail(str(exc), as_json, code=1)
    return run_engine(obj, as_json, with_saved)


def recount_saved(obj: Context, report, index_note: str):
    """After an ingest that changed the corpus: re-count the new hits of every saved query.
    None when there is nothing to do (no change, no saved queries)."""
    from corpus.models import SavedQuery
    from sqlalchemy import func, select
    from search.saved import RecountReport, SavedQueries
    if not (report.changed or report.resumed):
        return None
    with obj.catalog.session() as s:
        if not s.scalar(select(func.count()).select_from(SavedQuery)):
            return None
    if "NOT updated" in index_note:
        return RecountReport(corpus_version=report.corpus_version,
                             failed=[("*", "the index was not updated; run `corpus check --repair`, "
                                           "then `corpus saved recount`")])
    engine = SearchEngine(obj.catalog, obj.instance)
    try:
        return SavedQueries(obj.catalog, engine).recount()
    finally:
        engine.close()


def describe_saved(entry) -> str:
    """`missile [source=wilson, from=1962] variants sort=L1 width=5` — the request in one line."""
    parts = [f"{key.replace('date_', '')}={value}" for key, value in entry.filters.items() if value]
    text = entry.query + (f" [{', '.join(parts)}]" if parts else "")
    if entry.variants:
        text += " variants"
    if entry.sort != "date":
        text += f" sort={entry.sort}"
    if entry.width != 8:
        text += f" width={entry.width}"
    return text


def new_note(entry) -> str:
    if not entry.new_hits:
        return "none new"
    return f"{plural(entry.new_hits, 'new hit')} in {plural(entry.new_documents, 'document')}"


def print_saved(entry) -> None:
    click.secho(entry.name, bold=True)
    rows = [("query", describe_saved(entry)), ("note", entry.note),
            ("last run", f"{entry.last_run_at:%Y-%m-%d %H:%M} UTC" if entry.last_run_at else "not run yet"),
            ("counts", "not counted yet" if entry.hits is None else
             f"{plural(entry.hits, 'hit')} in {plural(entry.documents, 'document')} "
             f"at corpus version {entry.baseline_version}"),
            ("new since", f"{new_note(entry)} (counted at corpus version {entry.checked_version})")]
    for label, value in rows:
        if value:
            click.echo(f"{label:>10}: {value}")


@cli.group()
def saved() -> None:
    """Saved queries: keep a search under a name, run it again, see what is new after each ingest.

    "New" hits are hits in documents added or changed after the query's last run; every
    `corpus ingest` that changes the corpus re-counts them.

    \b
    Examples:
      corpus saved add missile-bases '"missile bases"' --from 1962 --note "for chapter 3"
      corpus saved list
      corpus saved run missile-bases --new      # only the new hits (the baseline stays)
      corpus saved run missile-bases            # all hits; the new count goes back to 0
    """


@saved.command("add")
@click.argument("name")
@click.argument("query")
@filter_options
@click.option("--variants", is_flag=True, help="Match word variants (stemming).")
@click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True, help="Order of the lines.")
@click.option("--width", type=click.IntRange(0, 50), default=8, show_default=True, help="Context words each side.")
@click.option("--note", default="", help="A note to keep with the query.")
@json_option
@click.pass_obj
def saved_add(obj: Context, name, query, speaker, participant, source, lang, doc_type, date_from, date_to,
              variants, sort, width, note, as_json) -> None:
    """Save a search under NAME (1–80 letters, digits, spaces, - _ .) and run it once.

    \b
    Examples:
      corpus saved add blockade blockade
      corpus saved add "Blas Roca on defeat" defeat --speaker "Blas Roca" --note "speech of 2 Nov"
    """
    request = SearchRequest(query=query, speaker=speaker, participant=participant, source=source, lang=lang,
                            type=doc_type, date_from=date_from, date_to=date_to, variants=variants, sort=sort,
                            width=width)
    entry = run_saved(obj, as_json, lambda sq: sq.add(name, request, note))
    if as_json:
        emit_json(entry.to_json())
    elif entry.hits is None:
        click.echo(f"Saved {entry.name!r} at corpus version {entry.baseline_version}; not run (there is no index "
                   "yet): its hits are counted as new after the next ingest.")
    else:
        click.echo(f"Saved {entry.name!r}: {plural(entry.hits, 'hit')} in {plural(entry.documents, 'document')} "
                   f"at corpus version {entry.baseline_version}.")


@saved.command("list")
@json_option
@click.pass_obj
def saved_list(obj: Context, as_json) -> None:
    """The saved queries: counts at the last run, corpus version then, and what is new since.

    JSON: {"corpus_version": N, "saved": [{name, query, filters, hits, documents, baseline_version,
    new_hits, new_documents, checked_version, last_run_at, ...}]}.
    """
    from search.saved import SavedQueries
    queries = SavedQueries(obj.catalog)
    entries, version = queries.list(), queries.corpus_version()
    if as_json:
        emit_json({"corpus_version": version, "saved": [e.to_json() for e in entries]})
        return
    if not entries:
        click.echo("No saved queries yet; `corpus saved add NAME QUERY` keeps one.")
        return
    width = max(len(e.name) for e in entries)
    click.echo(f"{'name':<{width}}  {'hits':>7}  {'docs':>5}  {'version':>7}  {'new since':<28}  query")
    for e in entries:
        hits = "-" if e.hits is None else f"{e.hits:,}"
        docs = "-" if e.documents is None else f"{e.documents:,}"
        click.echo(f"{e.name:<{width}}  {hits:>7}  {docs:>5}  {e.baseline_version:>7}  {new_note(e):<28}  "
                   f"{describe_saved(e)}")
    click.echo(f"Corpus version {version}.")


@saved.command("show")
@click.argument("name")
@json_option
@click.pass_obj
def saved_show(obj: Context, name, as_json) -> None:
    """One saved query: the search, the note, its counts and what is new (same JSON as in the list)."""
    entry = run_saved(obj, as_json, lambda sq: sq.get(name))
    if as_json:
        emit_json(entry.to_json())
    else:
        print_saved(entry)


@saved.command("run")
@click.argument("name")
@click.option("--new", "new_only", is_flag=True,
              help="Only the hits in documents added or changed since the last run; the baseline stays.")
@click.option("--limit", type=click.IntRange(0, 1000), default=20, show_default=True, help="Lines to show.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Lines to skip (paging).")
@json_option
@click.pass_obj
def saved_run(obj: Context, name, new_only, limit, offset, as_json) -> None:
    """Run a saved query and print its concordance (like `corpus search`).

    A run stores the counts and moves the baseline to the current corpus version, so its new
    hits go back to 0. With --new only the new hits are shown and nothing is changed.
    JSON: {"saved": {...}, "new_only": bool, "result": <as `corpus search --json`>}.

    \b
    Examples:
      corpus saved run missile-bases
      corpus saved run missile-bases --new --json
    """
    if new_only:
        entry, result = run_saved(obj, as_json, lambda sq: sq.new_hits(name, limit, offset))
    else:
        entry, result = run_saved(obj, as_json, lambda sq: sq.run(name, limit, offset))
    if as_json:
        emit_json({"saved": entry.to_json(), "new_only": new_only, "result": result.to_json()})
        return
    if new_only:
        click.echo(f"{entry.name}: only documents added or changed since corpus version {entry.baseline_version} "
                   "(the baseline stays; `corpus saved run` without --new resets it).")
    else:
        click.echo(f"{entry.name}: baseline now corpus version {entry.baseline_version}.")
    print_kwic(result)


@saved.command("rename")
@click.argument("old")
@click.argument("new")
@json_option
@click.pass_obj
def saved_rename(obj: Context, old, new, as_json) -> None:
    """Give a saved query another name."""
    entry = run_saved(obj, as_json, lambda sq: sq.rename(old, new))
    if as_json:
        emit_json(entry.to_json())
    else:
        click.echo(f"Renamed {old!r} to {entry.name!r}.")


@saved.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Delete without asking.")
@click.pass_obj
def saved_delete(obj: Context, name, yes) -> None:
    """Delete a saved query (asks first unless --yes)."""
    entry = run_saved(obj, False, lambda sq: sq.get(name))
    if not yes and not click.confirm(f"Delete the saved query {entry.name!r} ({describe_saved(entry)})?"):
        click.echo("Nothing deleted.")
        sys.exit(1)
    stored = run_saved(obj, False, lambda sq: sq.delete(entry.name))
    click.echo(f"Deleted {stored!r}.")


@saved.command("recount")
@json_option
@click.pass_obj
def saved_recount(obj: Context, as_json) -> None:
    """Count the new hits of every saved query again (ingest does this by itself)."""
    report = run_saved(obj, as_json, lambda sq: sq.recount())
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(report.line())
    sys.exit(1 if report.failed else 0)


@cli.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True, help="Entries to show.")
@click.option("--clear", is_flag=True, help="Delete the whole history (asks first unless --yes).")
@click.option("--yes", is_flag=True, help="With --clear: do not ask.")
@json_option
@click.pass_obj
def history(obj: Context, limit, clear, yes, as_json) -> None:
    """The latest searches run on the web search page (the last 200 are kept), newest first.

    Save one with `corpus saved add NAME QUERY ...` or from the /history page.
    JSON: {"history": [{id, run_at, query, filters, variants, sort, width, hits, documents}]}.
    """
    from search.saved import SavedQueries
    queries = SavedQueries(obj.catalog)
    if clear:
        if not yes and not click.confirm("Delete the whole search history?"):
            click.echo("Nothing deleted.")
            sys.exit(1)
        count = queries.clear_history()
        if as_json:
            emit_json({"cleared": count})
        else:
            click.echo(f"Cleared {count:,} history {'entry' if count == 1 else 'entries'}.")
        return
    entries = queries.history(limit)
    if as_json:
        emit_json({"history": [e.to_json() for e in entries]})
        return
    if not entries:
        click.echo("No searches in the history yet.")
    for e in entries:
        click.echo(f"{e.run_at:%Y-%m-%d %H:%M}  {e.hits:>7,} hits {e.documents:>5,} docs  {describe_saved(e)}")


@cli.command("export-saved")
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.pass_obj
def export_saved(obj: Context, file) -> None:
    """Write the saved queries and the history as JSON to FILE (default: stdout).

    \b
    Examples:
      corpus export-saved saved.json
      corpus --instance other import-saved saved.json
    """
    from search.saved import SavedQueries
    data = SavedQueries(obj.catalog).export()
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if str(file) == "-":
        click.echo(text)
        return
    try:
        Path(file).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"{file}: cannot be written ({exc.strerror or exc})", False, code=1)
    count = len(data["saved"])
    click.echo(f"Exported {count} saved {'query' if count == 1 else 'queries'} and "
               f"{len(data['history'])} history entries to {file}.")


@cli.command("import-saved")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--replace", "replace_existing", is_flag=True,
              help="Overwrite saved queries of the same name (they are skipped otherwise).")
@json_option
@click.pass_obj
def import_saved(obj: Context, file, replace_existing, as_json) -> None:
    """Read saved queries and history written by `corpus export-saved` (FILE or - for stdin).

    Each query is counted on this corpus to set its baseline. A name that exists already is
    skipped (or overwritten with --replace); an invalid entry is rejected with the reason and the
    rest is imported. Exit status 1 if any entry was rejected or the file cannot be read.
    """
    from search.errors import SavedQueryError
    from search.saved import load_export, parse_export
    try:
        data = parse_export(sys.stdin.read(), "stdin") if str(file) == "-" else load_export(file)
    except SavedQueryError as exc:
        fail(str(exc), as_json, code=1)
    report = run_saved(obj, as_json, lambda sq: sq.import_(data, replace=replace_existing))
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(f"Imported {len(report.added)} new, {len(report.replaced)} replaced, "
                   f"{len(report.skipped)} skipped, {len(report.rejected)} rejected; "
                   f"{report.history_added} history entries.")
        for label, reason in report.skipped:
            click.echo(f"  skipped {label}: {reason}")
        for label, reason in report.rejected:
            click.echo(f"  rejected {label}: {reason}")
    sys.exit(1 if report.rejected else 0)


# ---------------------------------------------------------------- the catalog database (issue 13)

def database_url(obj: Context) -> str:
    return obj.db_url or catalog_db.default_url(obj.instance)


@cli.group("db")
def db_group() -> None:
    """The catalog database: its schema revision, upgrades, copies between SQLite and PostgreSQL.

    \b
    corpus db current                 # the catalog's schema revision
    corpus db upgrade                 # bring an older catalog up to date
    corpus db copy sqlite:///instance/catalog.sqlite postgresql+psycopg://corpus@dbhost/corpus
    """


@db_group.command("current")
@click.pass_obj
def db_current(obj: Context) -> None:
    """Show the catalog's schema revision and whether it is the newest."""
    url = database_url(obj)
    try:
        state, head = catalog_db.current_revision(url)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Catalog: {catalog_db.safe_url(url)}")
    if state.empty:
        click.echo(f"Revision: none (an empty database; the newest is {head})")
    elif state.before_migrations:
        click.echo(f"Revision: none (made before migrations); run `corpus db upgrade` to reach {head}")
    elif state.revision == head:
        click.echo(f"Revision: {head} (the newest)")
    else:
        click.echo(f"Revision: {state.revision} (out of date: run `corpus db upgrade` to reach {head})")


@db_group.command("upgrade")
@click.pass_obj
def db_upgrade(obj: Context) -> None:
    """Upgrade the catalog's schema in place to the newest revision (a catalog made before
    migrations is first stamped at the baseline). An SQLite catalog is copied next to itself first
    (catalog.sqlite.at-REVISION); back up a PostgreSQL one yourself.

    \b
    corpus db upgrade
    corpus --database-url postgresql+psycopg://corpus@dbhost/corpus db upgrade
    """
    url = database_url(obj)
    if url == catalog_db.default_url(obj.instance):
        obj.instance.mkdir(parents=True, exist_ok=True)
    try:
        report = catalog_db.upgrade(url)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Catalog: {catalog_db.safe_url(url)}")
    click.echo(report.describe())


@db_group.command("copy")
@click.argument("src_url")
@click.argument("dst_url")
@click.option("--replace", is_flag=True, help="Overwrite a destination that already holds a catalog.")
def db_copy(src_url, dst_url, replace) -> None:
    """Copy a whole catalog (every table) from SRC_URL to DST_URL, between SQLite and PostgreSQL in
    either direction. The destination must be empty (or --replace); the rows of every table are
    counted on both sides at the end, and any difference exits 1. The index is not copied: it is
    made from the catalog (`corpus reindex` where it is needed).

    \b
    corpus db copy sqlite:///instance/catalog.sqlite postgresql+psycopg://corpus@dbhost/corpus
    corpus db copy postgresql+psycopg://corpus@dbhost/corpus sqlite:////backups/catalog.sqlite
    """
    try:
        report = copy_catalog(src_url, dst_url, replace=replace, progress=print_copy_progress)
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Copied {report.source} -> {report.destination}")
    width = max(len(t.table) for t in report.tables)
    click.echo(f"{'table':<{width}}  {'source':>10}  {'copied':>10}")
    for count in report.tables:
        flag = "" if count.ok else "  MISMATCH"
        click.echo(f"{count.table:<{width}}  {count.source:>10,}  {count.destination:>10,}{flag}")
    if not report.ok:
        names = ", ".join(t.table for t in report.mismatched)
        click.echo(f"Error: row counts differ in {names}: the copy is incomplete.", err=True)
        sys.exit(1)
    click.echo(f"All {len(report.tables)} tables match.")


def print_copy_progress(table: str, done: int, total: int) -> None:
    """Progress of a copy on stderr: a line per table as it starts, then every 50,000 rows."""
    if done == 0:
        click.echo(f"  {table}: {total:,} rows", err=True)
    elif done < total and done % 50_000 < 1000:
        click.echo(f"  {table}: {done:,} / {total:,}", err=True)


# ---------------------------------------------------------------- serve

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=SEEDS,
              show_default="the bundled seeds/", help="What to ingest when the instance is empty.")
@click.option("--debug", is_flag=True, help="Flask debug mode (never on a public address).")
@click.option("--read-only", is_flag=True, envvar="CORPUS_READ_ONLY",
              help="Open the catalog read-only and refuse every write (env CORPUS_READ_ONLY=1).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Web worker processes; more than 1 runs the production server (gunicorn).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Threads per gunicorn worker (gthread).")
@click.option("--gunicorn", "use_gunicorn", is_flag=True, help="Run gunicorn even with one worker.")
@click.pass_obj
def serve(obj: Context, host, port, seeds, debug, read_only, workers, threads, use_gunicorn) -> None:
    """Serve the web front end. An empty instance is first filled from the bundled seeds, and
    an index is built if there is none (so on a web host serving the indexer's index, start once
    the index is there, or with --read-only: neither ingests nor indexes).

    One worker runs Flask's development server; --workers N (N > 1) or --gunicorn runs gunicorn
    with N processes of --threads threads over the same app (`web:create_app()`), each picking
    up a newly published index on its next search, without a restart. The same as:

    \b
      CORPUS_INSTANCE=/data/cc gunicorn --bind 127.0.0.1:8000 --workers 4 --threads 4 \\
          --worker-class gthread --timeout 120 'web:create_app()'

    \b
    Examples:
      corpus serve                      # http://127.0.0.1:5000, development server
      corpus --instance /data/cc serve --port 8080
      corpus serve --workers 4          # gunicorn: 4 processes × 4 threads on 127.0.0.1:5000
      corpus serve --workers 4 --host 0.0.0.0 --port 8000   # behind a proxy on another host
      corpus serve --read-only          # nothing ingested or indexed; the catalog opened mode=ro
    """
    from sqlalchemy import func, select

    from corpus.models import Document

    if debug and (workers > 1 or use_gunicorn):
        raise UsageError("--debug runs the development server: leave out --workers and --gunicorn")
    server = ServerOptions(host, port, debug, workers, threads, use_gunicorn or workers > 1)
    if read_only:
        return run_site(obj, server, read_only=True)
    with obj.catalog.session() as s:
        empty = s.scalar(select(func.count()).select_from(Document)) == 0
    indexer = Indexer(obj.catalog, obj.instance)
    if empty:
        click.echo(f"The instance {obj.instance} is empty: ingesting {seeds} first.")
        ingester = Ingester(obj.catalog, IngestOptions())
        files = ingester.files_in([seeds])
        with progress_bar(sys.stderr.isatty(), len(files), "Ingesting") as step:
            ingester.progress = lambda _p: step(1)
            report = ingester.run([seeds])
        print_ingest_summary(report)
    if empty or not index_dir(obj.instance).exists():
        click.echo(update_index(obj, indexer, [], [], sys.stderr.isatty()) if index_dir(obj.instance).exists()
                   else rebuild_note(obj, indexer))
    run_site(obj, server)


class ServerOptions:
    def __init__(self, host: str, port: int, debug: bool, workers: int, threads: int, production: bool):
        self.host, self.port, self.debug = host, port, debug
        self.workers, self.threads, self.production = workers, threads, production

    @property
    def bind(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def run_site(obj: Context, server: ServerOptions, read_only: bool = False) -> None:
    from web import create_app
    config = {"INSTANCE": str(obj.instance), "DATABASE_URL": obj.db_url, "READ_ONLY": read_only}
    try:
        app = create_app(dict(config))       # in the gunicorn master too: a bad setting fails here, once
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    mode = " read-only" if read_only else ""
    if not server.production:
        click.echo(f"Serving crisis-corpus{mode} on http://{server.bind}/ (Ctrl-C to stop)")
        app.run(host=server.host, port=server.port, debug=server.debug, threaded=True, use_reloader=False)
        return
    # The workers make their own app after the fork: no database connection crosses it.
    app.extensions["crisis"].catalog.dispose()
    if obj._catalog is not None:
        obj._catalog.dispose()
    click.echo(f"Serving crisis-corpus{mode} on http://{server.bind}/ with gunicorn: {server.workers} "
               f"worker{'s' if server.workers != 1 else ''} × {server.threads} threads (Ctrl-C to stop)")
    production_server(config, server).run()


def production_server(config: dict, server: ServerOptions):
    """gunicorn (gthread workers) serving `create_app(config)`, made in each worker."""
    from gunicorn.app.base import BaseApplication

    class ProductionServer(BaseApplication):
        def load_config(self):
            for key, value in {"bind": [server.bind], "workers": server.workers, "threads": server.threads,
                               "worker_class": "gthread", "timeout": 120, "graceful_timeout": 10,
                               "keepalive": 5, "errorlog": "-", "loglevel": "warning"}.items():
                self.cfg.set(key, value)

        def load(self):
            from web import create_app
            return create_app(dict(config))

    return ProductionServer()


def rebuild_note(obj: Context, indexer: Indexer) -> str:
    from sqlalchemy import func, select

    from corpus.models import Document
    with obj.catalog.session() as s:
        total = s.scalar(select(func.count()).select_from(Document))
    with progress_bar(sys.stderr.isatty(), total, "Indexing") as step:
        indexer.progress = step
        entries = indexer.rebuild()
    return f"Index: {total:,} documents indexed ({entries:,} entries)."


def main() -> None:
    cli(prog_name="corpus")
