"""A throwaway PostgreSQL server for the PostgreSQL test tier: `CORPUS_TEST_POSTGRES_URL` when set,
else a cluster made by `initdb` in a temporary folder, listening on 127.0.0.1 and a free port, and
removed when the tests end. initdb refuses to run as root, so as root the cluster belongs to the
`postgres` system user (run through runuser) in a folder it owns."""
from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV_URL = "CORPUS_TEST_POSTGRES_URL"
SEARCH_PATH = ("/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/15/bin")


class Unavailable(Exception):
    """No PostgreSQL server can be had here; the message says why."""


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in SEARCH_PATH:
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A cluster in `folder`: `start()` returns its admin URL, `stop()` stops it and removes the folder."""

    def __init__(self):
        self.initdb, self.pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise Unavailable("no initdb/pg_ctl on this machine (install the postgresql package) "
                              f"and {ENV_URL} is not set")
        self.as_user: list[str] = []
        self.owner: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no `postgres` user to own the cluster") from None
            if not shutil.which("runuser"):
                raise Unavailable("running as root and runuser is missing")
            self.as_user, self.owner = ["runuser", "-u", "postgres", "--"], "postgres"
        self.folder = Path(tempfile.mkdtemp(prefix="corpus-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()

    def _run(self, *argv: str) -> None:
        done = subprocess.run([*self.as_user, *argv], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise Unavailable(f"{Path(argv[0]).name} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def start(self) -> str:
        if self.owner:
            shutil.chown(self.folder, self.owner, self.owner)
        self._run(self.initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run([*self.as_user, self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


class Databases:
    """Makes and drops databases on one server through its admin URL."""

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url)
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", pool_size=1)
        self.made: list[str] = []

    def check(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:   # noqa: BLE001 - any failure means the tier cannot run
            raise Unavailable(f"cannot connect to {self.admin_url.render_as_string(hide_password=True)}: "
                              f"{str(exc).splitlines()[0]}") from None

    @staticmethod
    def name_of(key: str) -> str:
        return "corpus_" + hashlib.sha1(key.encode()).hexdigest()[:16]

    def url_for(self, key: str) -> str:
        """The URL of the database for `key` (an instance folder, a test id), made empty on first use."""
        name = self.name_of(key)
        if name not in self.made:
            with self.engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            self.made.append(name)
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def copy(self, from_key: str, to_key: str) -> None:
        """Make the database of `to_key` a copy of the one of `from_key` (CREATE DATABASE ... TEMPLATE),
        if `from_key` has one: what copying an instance folder copies on SQLite."""
        source = self.name_of(from_key)
        if source not in self.made:
            return
        target = self.name_of(to_key)
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": source})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{target}" TEMPLATE "{source}"'))
        if target not in self.made:
            self.made.append(target)

    def drop_all(self) -> None:
        with self.engine.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.made.clear()

    def dispose(self) -> None:
        self.engine.dispose()
