"""The load test (benchmarks/load.py): its statistics, request mix and failure accounting (fast,
against a stdlib HTTP server), and a few seconds of the real thing under gunicorn (slow tier)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from benchmarks import load, sections

ROOT = Path(__file__).resolve().parents[1]
FACTS = {"queries": {"missile": 400, "blockade": 60, '"naval blockade"': 12}, "docs": ["frus1961-63v05:d1", "wilson:300041"],
         "speakers": ["John F. Kennedy"], "sources": ["wilson"]}


def test_percentiles_interpolate_between_ranks():
    assert load.percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert load.percentile(list(range(1, 101)), 99) == pytest.approx(99.01)
    assert load.percentile(list(range(1, 101)), 95) == pytest.approx(95.05)
    assert load.percentile([7.0], 99) == 7.0
    assert load.percentile([1.0, 9.0], 0) == 1.0 and load.percentile([1.0, 9.0], 100) == 9.0
    with pytest.raises(ValueError, match="percentile of no values"):
        load.percentile([], 50)


def test_the_mix_follows_the_weights_and_is_seeded():
    mix = load.make_mix(FACTS, 10_000)
    assert mix == load.make_mix(FACTS, 10_000) and mix != load.make_mix(FACTS, 10_000, seed=13)
    shares = Counter(kind for kind, _path in mix)
    for kind, weight in load.MIX.items():
        assert abs(shares[kind] / 100 - weight) < 2, (kind, shares[kind])
    prefixes = {"search": ("/search?",), "search+filters": ("/search?",), "kwic pages": ("/search?",),
                "document": ("/doc/",), "csv export": ("/export.csv?",), "api": ("/api/search?",),
                "compare": ("/timeline?", "/distribution?", "/side-by-side?", "/collocates?", "/keywords?",
                            "/frequencies?")}
    for kind, path in mix:
        assert path.startswith(prefixes[kind]), (kind, path)
    exports = {path for kind, path in mix if kind == "csv export"}
    assert exports == {"/export.csv?q=missile", "/export.csv?q=blockade", "/export.csv?q=%22naval+blockade%22"}
    pages = {int(path.split("page=")[1].split("&")[0]) for kind, path in mix if kind == "kwic pages"}
    assert min(pages) == 1 and max(pages) == 16               # missile: 400 hits, 25 a page


class Site(BaseHTTPRequestHandler):
    """200 for /ok, a 500 error page for /boom, a dropped connection for /drop."""

    def do_GET(self):
        if self.path == "/drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        ok = self.path == "/ok"
        body = b"fine" if ok else b'<p id="error-message">Something went wrong on the server.</p>'
        self.send_response(200 if ok else 500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_every_failed_request_is_recorded_and_fails_the_run(site):
    plan = load.Plan([("search", "/ok"), ("compare", "/boom"), ("document", "/drop")])
    samples, seconds = load.drive(site, plan, clients=3, duration=0.3)
    assert seconds >= 0.3
    by_path = {path: [s for s in samples if s.path == path] for path in ("/ok", "/boom", "/drop")}
    assert all(by_path.values()), {k: len(v) for k, v in by_path.items()}
    assert {(s.status, s.error) for s in by_path["/ok"]} == {(200, None)}
    assert {(s.status, s.error) for s in by_path["/boom"]} == {(500, "HTTP 500: Something went wrong on the server.")}
    assert {s.status for s in by_path["/drop"]} == {0} and all(s.error for s in by_path["/drop"])

    phase = load.Phase(3, False, seconds, samples)
    results = {"phases": [load.phase_json(phase)], "server_log": {"tracebacks": 0}}
    failed = len(by_path["/boom"]) + len(by_path["/drop"])
    assert load.failed(results) == [f"3 clients: {failed} of {len(samples)} requests failed"]
    ok = load.Phase(3, False, seconds, by_path["/ok"])
    assert load.failed({"phases": [load.phase_json(ok)], "server_log": {"tracebacks": 0}}) == []


def test_failed_ingests_missing_documents_and_tracebacks_fail_the_run():
    phase = load.phase_json(load.Phase(1, True, 1.0, [load.Sample("search", "/ok", 200, 0.01)],
                                       [{"batch": 1, "documents": 5, "exit": 1, "seconds": 2.0, "summary": "rejected"}]))
    results = {"phases": [phase], "after_ingest": {"ingested": 5, "served": [5, 4]},
               "server_log": {"tracebacks": 2}}
    assert load.failed(results) == [
        "1 client + ingest: 1 ingest(s) failed (exit 1: rejected)",
        "after the ingests the site's answers [5, 4] do not all count the 5 new documents",
        "the server log holds 2 traceback(s)"]


def test_ingest_batches_are_new_documents(tmp_path):
    paragraphs = load.seed_paragraphs()
    assert len(paragraphs) > 100
    folder = load.write_batch(tmp_path / "b", 3, paragraphs, 4)
    files = sorted(p.name for p in folder.glob("*.md"))
    assert files == ["load-003-0000.md", "load-003-0001.md", "load-003-0002.md", "load-003-0003.md"]
    first = (folder / files[0]).read_text()
    assert first.startswith("---\nid: load-003-0000\ntitle: Load test document 3-0\ndate: 1962-10-14\n"
                            "source: loadtest\n")
    assert first == load.write_batch(tmp_path / "again", 3, paragraphs, 1).joinpath(files[0]).read_text()


@pytest.mark.slow
def test_a_short_load_run_under_gunicorn_has_no_failure(tmp_path):
    pytest.importorskip("gunicorn")
    out = tmp_path / "load.md"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.load", "--duration", "2", "--warmup", "0.5", "--clients", "1", "4",
         "--ingest-docs", "10", "--workers", "2", "--threads", "2", "--workdir", str(tmp_path / "work"),
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.with_suffix(".json").read_text())
    assert [p["name"] for p in results["phases"]] == ["1 client", "4 clients", "1 client + ingest",
                                                      "4 clients + ingest"]
    for phase in results["phases"]:
        assert phase["requests"] > 0 and phase["failed"] == 0 and phase["failures"] == []
        assert phase["p50_ms"] <= phase["p95_ms"] <= phase["p99_ms"] <= phase["max_ms"]
    runs = [run for p in results["phases"] for run in p["ingests"]]
    assert runs and {run["exit"] for run in runs} == {0}
    assert results["after_ingest"]["ingested"] == 10 * len(runs)
    assert set(results["after_ingest"]["served"]) == {10 * len(runs)}
    assert results["server_log"]["tracebacks"] == 0
    report = out.read_text()
    assert "| 4 clients + ingest | " in report and "Result: **no failed request**." in report
    assert "python -m benchmarks.load --duration 2" in report


def test_the_load_section_replaces_only_itself_and_the_main_report_keeps_it(tmp_path):
    report = tmp_path / "BENCHMARKS.md"
    report.write_text("# Benchmarks\n\n## Build\n\n| figure | 1x |\n")
    load.write_report(report, "## Load test\n\n| 1 client | 2317 |")
    load.write_report(report, "## Load test\n\n| 1 client | 999 |")
    text = report.read_text()
    assert text == ("# Benchmarks\n\n## Build\n\n| figure | 1x |\n\n"
                    "<!-- section load: written by python -m benchmarks.load; the next run replaces it -->\n"
                    "## Load test\n\n| 1 client | 999 |\n<!-- end of section load -->\n")
    regenerated = sections.carry_over(text, "# Benchmarks\n\n## Build\n\n| figure | 2x |\n")
    assert regenerated.startswith("# Benchmarks\n\n## Build\n\n| figure | 2x |\n\n<!-- section load:")
    assert regenerated.count("| 1 client | 999 |") == 1 and "1x" not in regenerated


def test_a_load_report_into_a_new_file_is_the_section_alone(tmp_path):
    report = tmp_path / "new" / "load.md"
    load.write_report(report, "## Load test\n\nResult.")
    assert report.read_text().splitlines()[1:-1] == ["## Load test", "", "Result."]


def test_a_run_on_a_database_reports_into_its_own_section_without_the_password(tmp_path):
    assert load.section_of(None) == "load"
    assert load.section_of("postgresql+psycopg://cc:secret@127.0.0.1:5432/cc_load") == "load-postgresql"
    assert load.catalog_name("postgresql+psycopg://cc:secret@127.0.0.1:5432/cc_load") == \
        "postgresql, postgresql+psycopg://cc:***@127.0.0.1:5432/cc_load"
    assert load.public_argv(["--database-url", "postgresql://cc:secret@h/db", "--workers", "4",
                             "--database-url=postgresql://a:b@h/d"]) == \
        ["--database-url", "postgresql://cc:***@h/db", "--workers", "4", "--database-url=postgresql://a:***@h/d"]
    args = load.parse_args(["--database-url", "postgresql+psycopg://cc:secret@127.0.0.1/cc_load",
                            "--out", str(tmp_path / "report.md")])
    assert (args.section, args.json) == ("load-postgresql", tmp_path / "report.json")
    assert load.parse_args([]).json == load.RESULTS / "load.json"
    report = tmp_path / "BENCHMARKS.md"
    load.write_report(report, "## Load test\n\nSQLite numbers.")
    load.write_report(report, "## Load test (catalog: postgresql)\n\nPostgreSQL numbers.", "load-postgresql")
    load.write_report(report, "## Load test\n\nNew SQLite numbers.")
    assert [s.splitlines()[0] for s in sections.sections(report.read_text())] == [
        "<!-- section load: written by python -m benchmarks.load; the next run replaces it -->",
        "<!-- section load-postgresql: written by python -m benchmarks.load; the next run replaces it -->"]
    assert "New SQLite numbers." in report.read_text() and "PostgreSQL numbers." in report.read_text()


def test_the_child_processes_get_the_database_url_only_when_one_is_given(monkeypatch):
    monkeypatch.setenv("CORPUS_DATABASE_URL", "postgresql://someone@elsewhere/db")
    assert "CORPUS_DATABASE_URL" not in load.child_env()
    assert load.child_env("postgresql+psycopg://cc@127.0.0.1/x")["CORPUS_DATABASE_URL"] == \
        "postgresql+psycopg://cc@127.0.0.1/x"


@pytest.mark.slow
@pytest.mark.postgres
def test_a_short_load_run_with_the_catalog_on_postgresql_has_no_failure(tmp_path, postgres_url):
    pytest.importorskip("gunicorn")
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.load", "--database-url", postgres_url, "--duration", "2", "--warmup",
         "0.5", "--clients", "1", "4", "--ingest-docs", "10", "--workers", "2", "--threads", "2",
         "--workdir", str(tmp_path / "work"), "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
        timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.with_suffix(".json").read_text())
    assert results["section"] == "load-postgresql" and results["catalog"].startswith("postgresql, ")
    assert [p["failed"] for p in results["phases"]] == [0, 0, 0, 0] and min(p["requests"] for p in results["phases"])
    runs = [run for p in results["phases"] for run in p["ingests"]]
    assert runs and set(results["after_ingest"]["served"]) == {10 * len(runs)}
    report = out.read_text()
    assert [s.splitlines()[0] for s in sections.sections(report)] == [
        "<!-- section load-postgresql: written by python -m benchmarks.load; the next run replaces it -->"]
    assert "## Load test (catalog: postgresql)" in report and "Result: **no failed request**." in report
    # Again: the database now holds the documents of the first run, which a second must not count.
    again = subprocess.run([sys.executable, "-m", "benchmarks.load", "--database-url", postgres_url, "--duration",
                            "1", "--clients", "1", "--ingest-docs", "0", "--workdir", str(tmp_path / "again"),
                            "--out", str(tmp_path / "again.md")], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 2
    built = int(re.search(r"([\d,]+) documents", results["instance"]).group(1).replace(",", ""))
    assert built == 402
    assert again.stderr.splitlines()[-1] == (f"load test: the catalog at --database-url holds {built + 10 * len(runs):,} "
                                             "documents: give an empty database (e.g. dropdb and createdb it again)")
