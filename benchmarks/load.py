"""Load test: the site under gunicorn on 127.0.0.1, driven by real HTTP clients.

    python -m benchmarks.load                              # seeds/, 1, 10 and 50 clients, 20 s each
    python -m benchmarks.load --duration 3 --clients 1 4 --ingest-docs 20 --out /tmp/load.md
    python -m benchmarks.load --database-url postgresql+psycopg://cc@127.0.0.1/cc_load --workers 4

What it does, in order (every step bounded in time):

1. builds an instance in the work folder with the project's own CLI (`corpus ingest`, which also
   indexes) from --corpus (default: the bundled seeds/); with --database-url the catalog goes into
   that database (it must hold no documents: the run fills it) and the index into the work folder;
2. starts `corpus serve`'s app (`web:create_app()`) under gunicorn: --workers processes of
   --threads threads (gthread), bound to 127.0.0.1 on a free port, no other address;
3. asks the running site (/api/search) which queries of a fixed list have hits and which
   documents they hit, and makes a request mix from them (seeded, so runs are comparable):
   searches, searches with date/source/speaker filters, KWIC page turns and context sorts,
   document views, CSV exports, comparison pages and the JSON API (see MIX);
4. for each number of clients (threads, each with its own keep-alive http.client connection)
   sends requests back to back for --duration seconds and records every response's status and
   time (request sent to body read);
5. repeats 4 while ingests run: batches of --ingest-docs new documents (made from the seed
   texts) ingested by `corpus ingest` one after another for the whole phase.

Every response must be 200 and every ingest must exit 0: anything else is listed and the exit
status is 1 (2 when the test could not run at all). The report (throughput and p50/p95/p99 per
phase, the same per kind of request, failures and server-log findings) goes into the "load" section
of --out ("load-postgresql" with --database-url, so that both stay), by default BENCHMARKS.md: only that
section is replaced (`python -m benchmarks` keeps it when it regenerates the rest); the JSON goes to
benchmarks/results/load.json (load-postgresql.json), or next to --out.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, urlencode

from . import sections

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
RESULTS = REPO / "benchmarks" / "results"          # git-ignored
REPORT = REPO / "BENCHMARKS.md"
SECTION = "load"                 # "load-postgresql" with --database-url postgresql+psycopg://... (section_of)
CLI = [sys.executable, "-c", "from web.cli import main; main()"]

REQUEST_TIMEOUT = 120            # seconds: a request slower than this is a failure (and ends the wait)
START_TIMEOUT = 90               # seconds for gunicorn to answer its first request
INGEST_TIMEOUT = 900             # seconds for one ingest batch
BUILD_TIMEOUT = 3600             # seconds for building the instance

# Candidate queries; only those with hits in the instance are used.
QUERIES = ["missile", "missiles", "Cuba", "blockade", "quarantine", "Khrushchev", "Soviet", "nuclear",
           "Berlin", "Castro", "Turkey", "inspection", "bases", "weapons", "submarine", "U-2",
           '"naval blockade"', '"Soviet Union"', '"United Nations"', '"missile bases"~5', "missil*",
           "quarantine OR blockade", "Cuba NOT Berlin", "Khrushchev AND letter", "year:1962 blockade"]
PAIRS = [("blockade", "quarantine"), ("missile", "bomber"), ("Cuba", "Berlin"), ("Khrushchev", "Kennedy")]
SORTS = ["L1", "R1", "relevance", "document"]
LOAD_SOURCE = "loadtest"         # the source key of the documents ingested under load
EXPORT_MAX = 2000                # only queries with at most this many hits are exported
# kind -> weight (out of 100)
MIX = {"search": 25, "search+filters": 15, "kwic pages": 10, "document": 20, "csv export": 5,
       "compare": 15, "api": 10}


class LoadError(Exception):
    """The load test cannot run: gunicorn missing, the instance cannot be built, no server."""


@dataclass
class Sample:
    kind: str
    path: str
    status: int
    seconds: float
    error: str | None = None


@dataclass
class Phase:
    clients: int
    ingest: bool
    seconds: float = 0.0
    samples: list[Sample] = field(default_factory=list)
    ingests: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.clients} client{'s' if self.clients != 1 else ''}" + (" + ingest" if self.ingest else "")

    def failures(self) -> list[Sample]:
        return [s for s in self.samples if s.error]

    def summary(self, kind: str | None = None) -> dict:
        samples = [s for s in self.samples if kind is None or s.kind == kind]
        times = [s.seconds for s in samples]
        return {"requests": len(samples), "failed": sum(1 for s in samples if s.error),
                "per_second": len(samples) / self.seconds if self.seconds else 0.0,
                **{f"p{p}_ms": percentile(times, p) * 1000 if times else None for p in (50, 95, 99)},
                "max_ms": max(times) * 1000 if times else None}


# ---------------------------------------------------------------- statistics

def percentile(values: list[float], p: float) -> float:
    """The p-th percentile by linear interpolation between the closest ranks (NumPy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# ---------------------------------------------------------------- the instance and the server

def run_cli(instance: Path, *args: str, timeout: float, database_url: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "--instance", str(instance), *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env=child_env(database_url))


def child_env(database_url: str | None = None, **extra: str) -> dict:
    """The environment of the CLI and gunicorn: this checkout's code, and the catalog in the
    instance folder unless a database URL is given (never one inherited by accident)."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""), **extra)
    env.pop("CORPUS_DATABASE_URL", None)
    if database_url:
        env["CORPUS_DATABASE_URL"] = database_url
    return env


def section_of(database_url: str | None) -> str:
    """The report section: "load" for the catalog in the instance, "load-DIALECT" (load-postgresql)
    for a database URL, so that one run does not replace the other's numbers."""
    if not database_url:
        return SECTION
    dialect = re.sub(r"[^a-z0-9]", "", database_url.split(":", 1)[0].split("+")[0].lower())
    return f"{SECTION}-{dialect or 'database'}"


def public_url(database_url: str) -> str:
    """The URL without its password, for the report and the JSON."""
    return re.sub(r"^([^:/]+://[^:/@]+):[^@]*@", r"\1:***@", database_url)


def public_argv(argv: list[str]) -> list[str]:
    out, hide_next = [], False
    for arg in argv:
        if hide_next:
            arg, hide_next = public_url(arg), False
        elif arg == "--database-url":
            hide_next = True
        elif arg.startswith("--database-url="):
            arg = "--database-url=" + public_url(arg.split("=", 1)[1])
        out.append(arg)
    return out


def catalog_name(database_url: str | None) -> str:
    """The catalog as the report names it: `SQLite (in the instance)`, or the URL without its password."""
    if not database_url:
        return "SQLite (in the instance)"
    return f"{section_of(database_url)[len(SECTION) + 1:]}, {public_url(database_url)}"


def check_empty_catalog(instance: Path, database_url: str) -> None:
    """The run fills the database: refuse one that holds documents already (a second run would
    count them, and the ingest phases would replace rather than add)."""
    proc = run_cli(instance, "stats", "--json", timeout=BUILD_TIMEOUT, database_url=database_url)
    if proc.returncode != 0:
        raise LoadError(f"the catalog at --database-url cannot be opened (exit {proc.returncode}): "
                        f"{tail(proc.stderr or proc.stdout)}")
    documents = json.loads(proc.stdout).get("documents")
    if documents:
        raise LoadError(f"the catalog at --database-url holds {documents:,} documents: give an empty database "
                        "(e.g. dropdb and createdb it again)")


def build_instance(instance: Path, corpus: list[Path], database_url: str | None = None) -> str:
    """Ingest (and index) the corpus into a new instance with the CLI; its summary line."""
    if database_url:
        check_empty_catalog(instance, database_url)
    proc = run_cli(instance, "ingest", *map(str, corpus), timeout=BUILD_TIMEOUT, database_url=database_url)
    if proc.returncode != 0:
        raise LoadError(f"building the instance failed (exit {proc.returncode}): {tail(proc.stderr or proc.stdout)}")
    return next((line for line in proc.stdout.splitlines() if line.startswith("Read ")), "").strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving web:create_app() on 127.0.0.1:port; stopped (its own process group) on exit."""

    def __init__(self, instance: Path, workers: int, threads: int, log: Path, database_url: str | None = None):
        try:
            import gunicorn
        except ImportError:
            raise LoadError("gunicorn is not installed: python3 -m pip install -e .") from None
        self.version = gunicorn.__version__
        self.port = free_port()
        self.command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}",
                        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
                        "--timeout", str(REQUEST_TIMEOUT), "--graceful-timeout", "10", "--keep-alive", "5",
                        "--log-level", "warning", "web:create_app()"]
        self.log = log
        self.instance = instance
        self.database_url = database_url
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        out = self.log.open("w")
        self.proc = subprocess.Popen(self.command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                     env=child_env(self.database_url, CORPUS_INSTANCE=str(self.instance)),
                                     start_new_session=True)
        out.close()
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise LoadError(f"gunicorn exited with {self.proc.returncode}: {tail(self.log.read_text())}")
            try:
                status, _body = fetch(self.port, "/", timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise LoadError(f"gunicorn did not answer within {START_TIMEOUT} s: {tail(self.log.read_text())}")

    def __exit__(self, *_exc) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)        # the group this script started, by id
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


def fetch(port: int, path: str, timeout: float = REQUEST_TIMEOUT) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def tail(text: str, lines: int = 8) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


# ---------------------------------------------------------------- the request mix

def probe(port: int) -> dict:
    """What the mix is made of, asked from the running site: queries with hits, their counts,
    documents they hit, speakers and sources."""
    queries, docs = {}, []
    for query in QUERIES:
        status, body = fetch(port, "/api/search?" + urlencode({"q": query, "limit": 20}))
        if status == 200:
            data = json.loads(body)
            if data.get("total_hits"):
                queries[query] = data["total_hits"]
                docs += [hit["doc_id"] for hit in data.get("hits", [])]
    if not queries:
        raise LoadError("none of the benchmark's queries has a hit in this instance")
    status, body = fetch(port, "/api/stats")
    stats = json.loads(body) if status == 200 else {}
    return {"queries": queries, "docs": sorted(set(docs)), "speakers": top_names(stats, "speakers"),
            "sources": top_names(stats, "by_source")}


def top_names(stats: dict, key: str, limit: int = 10) -> list[str]:
    """The first names of /api/stats' "speakers" (a list of {"name": ...}) or the keys of its
    "by_source" (a mapping)."""
    rows = stats.get(key) or []
    names = list(rows) if isinstance(rows, dict) else [row.get("name") for row in rows if isinstance(row, dict)]
    return [str(name) for name in names if name][:limit]


def make_mix(facts: dict, count: int, seed: int = 12) -> list[tuple[str, str]]:
    """`count` (kind, path) pairs drawn with the MIX weights from what the site holds."""
    rng = random.Random(seed)
    queries = list(facts["queries"])
    makers = {"search": _search, "search+filters": _filtered, "kwic pages": _kwic_page, "document": _document,
              "csv export": _export, "compare": _compare, "api": _api}
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [(kind, makers[kind](rng, queries, facts)) for kind in kinds]


def _search(rng, queries, _facts) -> str:
    return "/search?" + urlencode({"q": rng.choice(queries)})


def _filtered(rng, queries, facts) -> str:
    params = {"q": rng.choice(queries)}
    choice = rng.randrange(3)
    if choice == 0 or not (facts["sources"] or facts["speakers"]):
        params.update({"from": "1962-10-14", "to": "1962-11-20"})
    elif choice == 1 and facts["sources"]:
        params["source"] = rng.choice(facts["sources"])
    elif facts["speakers"]:
        params["speaker"] = rng.choice(facts["speakers"])
    return "/search?" + urlencode(params)


def _kwic_page(rng, queries, facts) -> str:
    query = rng.choice(queries)
    pages = max(1, min(40, facts["queries"][query] // 25))
    return "/search?" + urlencode({"q": query, "page": rng.randint(1, pages), "sort": rng.choice(SORTS)})


def _document(rng, queries, facts) -> str:
    if not facts["docs"]:
        return _search(rng, queries, facts)
    return f"/doc/{quote(rng.choice(facts['docs']), safe=':')}?" + urlencode({"q": rng.choice(queries)})


def _export(rng, queries, facts) -> str:
    small = [q for q in queries if facts["queries"][q] <= EXPORT_MAX] or queries[:1]
    return "/export.csv?" + urlencode({"q": rng.choice(small)})


def _compare(rng, queries, _facts) -> str:
    a, b = rng.choice(PAIRS)
    return rng.choice([
        "/timeline?" + urlencode({"q": a, "q2": b, "by": "month"}),
        "/distribution?" + urlencode({"q": rng.choice(queries), "by": rng.choice(["year", "source", "speaker"])}),
        "/side-by-side?" + urlencode({"q": a, "q2": b}),
        "/collocates?" + urlencode({"q": rng.choice(queries)}),
        "/keywords?" + urlencode({"a": "year:1962", "b": "year:1961"}),
        "/frequencies?" + urlencode({"filter": "year:1962", "n": rng.choice([1, 2])}),
    ])


def _api(rng, queries, _facts) -> str:
    return "/api/search?" + urlencode({"q": rng.choice(queries), "limit": 20})


# ---------------------------------------------------------------- driving the site

class Plan:
    """The request mix, handed out in order to every client (thread-safe)."""

    def __init__(self, mix: list[tuple[str, str]]):
        self.mix, self.position, self.lock = mix, 0, threading.Lock()

    def next(self) -> tuple[str, str]:
        with self.lock:
            item = self.mix[self.position % len(self.mix)]
            self.position += 1
            return item


def client_loop(port: int, plan: Plan, deadline: float, samples: list[Sample]) -> None:
    """One client: requests back to back on one keep-alive connection until the deadline."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        while time.monotonic() < deadline:
            kind, path = plan.next()
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                status, error = response.status, None
                if status != 200:
                    error = f"HTTP {status}: {first_text(body)}"
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                status, error = 0, f"{type(exc).__name__}: {exc}"
                conn.close()
            samples.append(Sample(kind, path, status, time.perf_counter() - started, error))
    finally:
        conn.close()


def first_text(body: bytes) -> str:
    """The error message of an error page or {"error": ...}, for the failure list."""
    text = body.decode("utf-8", "replace")
    found = re.search(r'<p id="(?:error-message|query-error)">(.*?)</p>', text, re.S)
    if found:
        return re.sub(r"\s+", " ", found.group(1)).strip()[:200]
    return re.sub(r"\s+", " ", text).strip()[:200]


def drive(port: int, plan: Plan, clients: int, duration: float) -> tuple[list[Sample], float]:
    """`clients` threads for `duration` seconds; the samples and the seconds it took."""
    samples: list[Sample] = []
    started = time.monotonic()
    deadline = started + duration
    threads = [threading.Thread(target=client_loop, args=(port, plan, deadline, samples), daemon=True)
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + REQUEST_TIMEOUT + 5)
    return samples, time.monotonic() - started


class IngestLoop:
    """Batches of new documents ingested one after another (each by `corpus ingest`) until stopped."""

    def __init__(self, instance: Path, workdir: Path, texts: list[str], docs: int, first_batch: int,
                 database_url: str | None = None):
        self.instance, self.workdir, self.texts, self.docs = instance, workdir, texts, docs
        self.database_url = database_url
        self.batch = first_batch
        self.runs: list[dict] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "IngestLoop":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop.set()
        self.thread.join(timeout=INGEST_TIMEOUT + 10)

    def _run(self) -> None:
        while not self.stop.is_set():
            folder = write_batch(self.workdir / f"ingest-{self.batch:03d}", self.batch, self.texts, self.docs)
            started = time.monotonic()
            try:
                proc = run_cli(self.instance, "ingest", str(folder), timeout=INGEST_TIMEOUT,
                               database_url=self.database_url)
                code, output = proc.returncode, proc.stdout + proc.stderr
            except subprocess.TimeoutExpired:
                code, output = -1, f"timed out after {INGEST_TIMEOUT} s"
            self.runs.append({"batch": self.batch, "documents": self.docs, "exit": code,
                              "seconds": round(time.monotonic() - started, 2),
                              "summary": next((l.strip() for l in output.splitlines() if l.startswith("Read ")),
                                              tail(output, 3))})
            self.batch += 1


def seed_paragraphs(limit: int = 5000) -> list[str]:
    """Paragraphs of the bundled FRUS text, the material of the documents ingested under load."""
    text = (SEEDS / "frus1961-63v05" / "frus_1961_63_volume5_clean.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 20]
    return paragraphs[:limit]


def write_batch(folder: Path, batch: int, paragraphs: list[str], docs: int) -> Path:
    """`docs` new text documents with front matter, each 12 seeded paragraphs (~1,500 words)."""
    rng = random.Random(batch)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README").write_text("Documents made by benchmarks/load.py for the ingest-under-load phase.\n")
    for n in range(docs):
        day = 14 + n % 15
        body = "\n\n".join(rng.sample(paragraphs, min(12, len(paragraphs))))
        (folder / f"load-{batch:03d}-{n:04d}.md").write_text(
            f"---\nid: load-{batch:03d}-{n:04d}\ntitle: Load test document {batch}-{n}\ndate: 1962-10-{day:02d}\n"
            f"source: {LOAD_SOURCE}\nlanguage: English\ntype: memorandum\n---\n\n{body}\n", encoding="utf-8")
    return folder


# ---------------------------------------------------------------- the run

def run(args: argparse.Namespace) -> dict:
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="corpus-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    instance = workdir / "instance"
    if instance.exists():
        shutil.rmtree(instance)
    progress(f"building the instance from {', '.join(map(str, args.corpus))}")
    started = time.monotonic()
    built = build_instance(instance, args.corpus, args.database_url)
    build_seconds = time.monotonic() - started
    phases: list[Phase] = []
    with Server(instance, args.workers, args.threads, workdir / "gunicorn.log", args.database_url) as server:
        progress(f"gunicorn {server.version} on 127.0.0.1:{server.port} ({args.workers} workers × {args.threads} threads)")
        facts = probe(server.port)
        plan = Plan(make_mix(facts, 5000))
        drive(server.port, plan, min(4, max(args.clients)), args.warmup)            # not recorded
        paragraphs = seed_paragraphs()
        batch = 1
        for with_ingest in ([False, True] if args.ingest_docs else [False]):
            for clients in args.clients:
                phase = Phase(clients, with_ingest)
                progress(f"phase: {phase.name}, {args.duration} s")
                if with_ingest:
                    with IngestLoop(instance, workdir, paragraphs, args.ingest_docs, batch,
                                    args.database_url) as loop:
                        phase.samples, phase.seconds = drive(server.port, plan, clients, args.duration)
                    phase.ingests, batch = loop.runs, loop.batch
                else:
                    phase.samples, phase.seconds = drive(server.port, plan, clients, args.duration)
                phases.append(phase)
                progress(f"  {line_of(phase)}")
        ingested = sum(run["documents"] for p in phases for run in p.ingests if run["exit"] == 0)
        served = served_counts(server.port, args.workers * 3) if ingested else []
    log_text = (workdir / "gunicorn.log").read_text(errors="replace")
    return {
        "command": "python -m benchmarks.load " + " ".join(shlex.quote(a) for a in public_argv(args.argv)),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(), "gunicorn": server.version, "workers": args.workers, "threads": args.threads,
        "catalog": catalog_name(args.database_url), "section": args.section,
        "corpus": [str(c) for c in args.corpus], "instance": built, "build_seconds": round(build_seconds, 1),
        "duration": args.duration, "mix": MIX, "queries": facts["queries"], "documents_in_mix": len(facts["docs"]),
        "phases": [phase_json(p) for p in phases],
        "after_ingest": {"ingested": ingested, "served": served},
        "server_log": {"tracebacks": log_text.count("Traceback (most recent call last)"),
                       "history_not_recorded": log_text.count("could not record the search"),
                       "worker_timeouts": log_text.count("WORKER TIMEOUT"),
                       "tail": tail(log_text, 20) if "Traceback" in log_text else ""},
    }


def served_counts(port: int, requests: int) -> list[int | None]:
    """How many of the documents ingested under load the site finds, asked `requests` times on
    new connections so that every worker answers at least once in all likelihood."""
    counts = []
    for _ in range(requests):
        status, body = fetch(port, "/api/search?" + urlencode({"q": "the", "source": LOAD_SOURCE, "limit": 0}))
        counts.append(json.loads(body)["total_documents"] if status == 200 else None)
    return counts


def phase_json(phase: Phase) -> dict:
    failures = phase.failures()
    return {"name": phase.name, "clients": phase.clients, "ingest": phase.ingest, "seconds": round(phase.seconds, 2),
            **phase.summary(), "by_kind": {kind: phase.summary(kind) for kind in MIX},
            "failures": [asdict(s) for s in failures[:50]], "ingests": phase.ingests}


def line_of(phase: Phase) -> str:
    s = phase.summary()
    if not s["requests"]:
        return "no requests"
    return (f"{s['requests']} requests, {s['failed']} failed, {s['per_second']:.1f}/s, p50 {s['p50_ms']:.0f} ms, "
            f"p95 {s['p95_ms']:.0f} ms, p99 {s['p99_ms']:.0f} ms")


def machine() -> dict:
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}


def failed(results: dict) -> list[str]:
    """Why the run failed, one line per reason (empty: it passed)."""
    reasons = []
    for phase in results["phases"]:
        if phase["failed"]:
            reasons.append(f"{phase['name']}: {phase['failed']} of {phase['requests']} requests failed")
        if phase["requests"] == 0:
            reasons.append(f"{phase['name']}: no request completed")
        bad = [run for run in phase["ingests"] if run["exit"] != 0]
        if bad:
            reasons.append(f"{phase['name']}: {len(bad)} ingest(s) failed (exit {bad[0]['exit']}: {bad[0]['summary']})")
        if phase["ingest"] and not phase["ingests"]:
            reasons.append(f"{phase['name']}: no ingest ran")
    after = results.get("after_ingest") or {}
    wrong = [n for n in after.get("served", []) if n != after.get("ingested")]
    if wrong:
        reasons.append(f"after the ingests the site's answers {after['served']} do not all count the "
                       f"{after['ingested']} new documents")
    if results["server_log"]["tracebacks"]:
        reasons.append(f"the server log holds {results['server_log']['tracebacks']} traceback(s)")
    return reasons


# ---------------------------------------------------------------- the report

def markdown(results: dict) -> str:
    rows = [[p["name"], p["requests"], p["failed"], f"{p['per_second']:.1f}", ms(p["p50_ms"]), ms(p["p95_ms"]),
             ms(p["p99_ms"]), ms(p["max_ms"])] for p in results["phases"]]
    parts = [
        "## Load test" + (f" (catalog: {results['catalog'].split(',')[0]})"
                          if results.get("section", SECTION) != SECTION else ""),
        f"Command: `{results['command']}`  \nRun: {results['date']} on {results['machine']['cpus']} CPUs "
        f"({results['machine']['platform']}, Python {results['machine']['python']}), gunicorn {results['gunicorn']} "
        f"with {results['workers']} workers × {results['threads']} threads (gthread) on 127.0.0.1; "
        f"catalog: {results.get('catalog', catalog_name(None))}.",
        f"Instance: {', '.join(results['corpus'])} — {results['instance']} (built in {results['build_seconds']} s). "
        f"Each phase sends requests back to back for {results['duration']} s from that many client threads, each "
        "with its own keep-alive connection (http.client); times run from sending the request to reading the "
        "whole body; the clients run on the same machine and share its CPUs with the server. Every response "
        "must be 200.",
        "Mix (weights out of 100): " + ", ".join(f"{k} {v}" for k, v in results["mix"].items()) +
        f"; {len(results['queries'])} queries with hits, {results['documents_in_mix']} documents.",
        table(["phase", "requests", "failed", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows),
        kind_table(results),
        ingest_note(results),
        failure_note(results),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def write_report(path: Path, body: str, section: str = SECTION) -> None:
    """Put the load section into the report at `path`, leaving the rest of the file as it is."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sections.replace(old, section, "python -m benchmarks.load", body), encoding="utf-8")


def kind_table(results: dict) -> str:
    phases = results["phases"]
    header = ["kind"] + [f"{p['name']} p50 / p95 ms" for p in phases]
    rows = []
    for kind in results["mix"]:
        cells = []
        for p in phases:
            s = p["by_kind"][kind]
            cells.append(f"{ms(s['p50_ms'])} / {ms(s['p95_ms'])}" if s["requests"] else "–")
        rows.append([kind] + cells)
    return "Per kind of request:\n\n" + table(header, rows)


def ingest_note(results: dict) -> str:
    runs = [run for p in results["phases"] for run in p["ingests"]]
    if not runs:
        return ""
    docs = runs[0]["documents"]
    seconds = sorted(run["seconds"] for run in runs)
    return (f"While an ingest runs: {len(runs)} batches of {docs} new documents (each 12 FRUS paragraphs) were "
            f"ingested back to back by `corpus ingest` during the '+ ingest' phases, "
            f"{sum(r['exit'] == 0 for r in runs)} with exit status 0; an ingest took "
            f"{seconds[0]:.1f}–{seconds[-1]:.1f} s. Afterwards the site found "
            f"{describe_served(results.get('after_ingest') or {})}.")


def describe_served(after: dict) -> str:
    served = after.get("served") or []
    if served and all(n == after["ingested"] for n in served):
        return f"all {after['ingested']} of them (asked {len(served)} times, every worker alike)"
    return f"not all {after.get('ingested')} new documents: {served}"


def failure_note(results: dict) -> str:
    log = results["server_log"]
    lines = []
    reasons = failed(results)
    lines.append("Result: **" + ("FAILED** — " + "; ".join(reasons) if reasons else "no failed request**") + ".")
    for phase in results["phases"]:
        for sample in phase["failures"][:5]:
            lines.append(f"- {phase['name']}: `{sample['path']}` → {sample['error']}")
    if log["history_not_recorded"]:
        lines.append(f"Server log: {log['history_not_recorded']} searches were not added to the history "
                     "(the catalog was busy; the page was served).")
    if log["worker_timeouts"]:
        lines.append(f"Server log: {log['worker_timeouts']} worker timeouts.")
    return "\n".join(lines)


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- command line

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", nargs="+", type=Path, default=[SEEDS], metavar="PATH",
                    help="what the instance is built from (default: seeds/)")
    ap.add_argument("--clients", nargs="+", type=int, default=[1, 10, 50], help="concurrent clients per phase")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds per phase (default 20)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of unrecorded requests first (default 3)")
    ap.add_argument("--workers", type=int, default=max(2, 2 * (os.cpu_count() or 1)),
                    help="gunicorn worker processes (default: 2 per CPU)")
    ap.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    ap.add_argument("--ingest-docs", type=int, default=100,
                    help="documents per ingest batch in the '+ ingest' phases (0: no such phases)")
    ap.add_argument("--workdir", type=Path, help="where the instance and logs go (default: a temporary folder)")
    ap.add_argument("--database-url", metavar="URL",
                    help="put the catalog in this database (e.g. postgresql+psycopg://USER@127.0.0.1/DB, holding "
                         "no documents) and report into the section 'load-postgresql' (default: SQLite in "
                         "the instance, section 'load')")
    ap.add_argument("--out", type=Path, default=REPORT,
                    help=f"the Markdown report whose load section is replaced (default {REPORT.name})")
    ap.add_argument("--json", type=Path, help="the JSON results (default: benchmarks/results/SECTION.json, e.g. "
                    "load.json, or next to --out when --out is given)")
    args = ap.parse_args(argv)
    if min(args.clients) < 1 or args.duration <= 0 or args.workers < 1 or args.threads < 1 or args.ingest_docs < 0:
        ap.error("clients, workers and threads must be at least 1, the duration above 0, --ingest-docs 0 or more")
    for path in args.corpus:
        if not path.exists():
            ap.error(f"--corpus {path}: no such file or folder")
    args.corpus = [p.resolve() for p in args.corpus]
    args.section = section_of(args.database_url)
    if args.json is None:
        args.json = RESULTS / f"{args.section}.json" if args.out == REPORT else args.out.with_suffix(".json")
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except LoadError as exc:
        print(f"load test: {exc}", file=sys.stderr)
        return 2
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_report(args.out, markdown(results), args.section)
    reasons = failed(results)
    for reason in reasons:
        print(f"FAILED: {reason}", file=sys.stderr)
    print(f"wrote {args.out} and {args.json}", file=sys.stderr)
    return 1 if reasons else 0


if __name__ == "__main__":
    sys.exit(main())
