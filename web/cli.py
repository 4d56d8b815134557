"""The `corpus` command: wires the catalog, the index and the web app together."""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from corpus.db import Catalog
from corpus.errors import CorpusError, NotFound
from corpus.ingest import IngestOptions, Ingester
from corpus.queries import document_json, stats_json
from corpus.readers import format_names


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
@click.option("--db-url", envvar="CORPUS_DATABASE_URL", default=None,
              help="Catalog database URL (default: sqlite:///INSTANCE/catalog.sqlite; env CORPUS_DATABASE_URL).")
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
    ingester = Ingester(obj.catalog, options)
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        files = ingester.files_in(paths)
        with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr,
                               item_show_func=lambda p: Path(p).name[-40:] if p else "") as bar:
            ingester.progress = lambda p: bar.update(1, p)
            report = ingester.run(paths)
    else:
        report = ingester.run(paths)
    if as_json:
        emit_json(report.to_json())
    else:
        print_ingest_summary(report)
    sys.exit(1 if report.rejected else 0)


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


def main() -> None:
    cli(prog_name="corpus")
