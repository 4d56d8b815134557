"""Index generations: every write of the index goes to a new folder, published by renaming one
symbolic link, so that a search sees the old index or the new one and never a mixture, and a
writer killed or failing half-way leaves the published index as it was.

    <instance>/index                       -> index.versions/000042   (the published generation)
    <instance>/index.versions/000042/      one whole index + crisis-manifest.json
    <instance>/index.versions/000043.building/   being written; removed by the next writer
    <instance>/index.lock                  held (flock) by the one process writing the index

A new generation starts as a copy of the published one: hard links for the files nothing
rewrites in place (Whoosh segments never change once written; JSON files are replaced by
rename), a real copy of the token store (SQLite writes in place). The manifest lists every file
with its size and CRC-32, so that truncation or damage is found: in full by `corpus check`, and
when a search opens the index by sizes, whole checksums of files up to VERIFY_FULL_BYTES and the
first and last MiB of bigger ones. A generation stays on disk for KEEP_SECONDS after it was
replaced (at most KEEP_OLD of them), for searches that opened it just before.

An index folder written before generations existed (a plain <instance>/index directory) is still
read as it is; the first write moves it aside.

Readers never write: a published generation's token store is opened `immutable` (a plain
read-only connection to its write-ahead-log database would write the -shm file beside it, and
could not open it at all on read-only storage), and the link is relative
(`index.versions/000042`), so copying `index` and `index.versions` to another host (cp -a,
rsync -a) gives a working index there. The
manifest carries the version stamp a site shows (`stamp`): the generation number, the corpus
version the generation was built from, its documents and when it was published.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import threading
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from .errors import IndexBusy, IndexMissing, SearchError

try:
    import fcntl
except ImportError:           # not on POSIX: one writer at a time is then up to the user
    fcntl = None

INDEX_DIR = "index"
VERSIONS_DIR = "index.versions"
LOCK_FILE = "index.lock"
MANIFEST_FILE = "crisis-manifest.json"
META_FILE = "crisis-meta.json"              # written by the indexer: the corpus version indexed
STAMP_KEYS = ("generation", "corpus_version", "documents", "published_at")
BUILDING = ".building"
KEEP_SECONDS = 120.0
KEEP_OLD = 2
VERIFY_FULL_BYTES = 64 * 2 ** 20
EDGE_BYTES = 2 ** 20
# Rewritten in place by their writers, so copied rather than linked into a new generation.
COPIED = ("crisis-tokens.sqlite",)
# Never carried into a new generation: locks, temporary files, SQLite's side files.
NOT_CARRIED = ("MAIN_WRITELOCK", MANIFEST_FILE)
NOT_CARRIED_SUFFIXES = (".tmp", "-wal", "-shm", "-journal")


class IndexDamaged(IndexMissing):
    """An index file is missing, truncated or does not match its checksum."""


class IndexWriteError(SearchError):
    """The index could not be written (disk full, I/O error); the published index is unchanged."""


def busy_message() -> str:
    return ("the index is busy: another `corpus ingest` or `corpus reindex` is writing it; "
            "try again when it has finished")


def damaged_message(problem: str) -> str:
    return f"the index is damaged ({problem}); run `corpus reindex` to rebuild it from the catalog"


# ---------------------------------------------------------------- where the index is

def link_path(instance: Path) -> Path:
    return Path(instance) / INDEX_DIR


def versions_dir(instance: Path) -> Path:
    return Path(instance) / VERSIONS_DIR


def current(instance: Path) -> Path | None:
    """The folder of the published index (the link resolved), or None when there is none."""
    link = link_path(instance)
    try:
        folder = Path(os.path.realpath(link))
    except OSError:
        return None
    return folder if folder.is_dir() else None


# ---------------------------------------------------------------- one writer at a time

_held: dict[str, list] = {}
_held_guard = threading.Lock()


@contextmanager
def writer_lock(instance: Path):
    """Hold the instance's index writer lock, or raise IndexBusy at once if another process holds
    it. Re-entrant within a process (an ingest holds it around the index updates it makes); the
    operating system releases it when the holder dies, even by kill -9."""
    Path(instance).mkdir(parents=True, exist_ok=True)
    key = str(Path(instance).resolve())
    with _held_guard:
        if key in _held:
            _held[key][1] += 1
        else:
            _held[key] = [_take_lock(Path(key) / LOCK_FILE), 1]
    try:
        yield
    finally:
        with _held_guard:
            _held[key][1] -= 1
            if not _held[key][1]:
                fd = _held.pop(key)[0]
                if fd is not None:
                    os.close(fd)


def _take_lock(path: Path) -> int | None:
    if fcntl is None:
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise IndexBusy(busy_message()) from None
        raise
    return fd


def lock_held_elsewhere(instance: Path) -> bool:
    """True if another process holds the writer lock right now. Asked by searches too, so it
    writes nothing: the lock file is opened read-only (never created) and only share-locked for
    an instant, which works on a read-only copy of the index as well."""
    key = str(Path(instance).resolve())
    if key in _held or fcntl is None:
        return False
    try:
        fd = os.open(Path(key) / LOCK_FILE, os.O_RDONLY)
    except OSError:               # no lock file: no writer has run here (a copied index)
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return True
        raise
    finally:
        os.close(fd)
    return False


# ---------------------------------------------------------------- writing a generation

def begin(instance: Path, base: Path | None) -> Path:
    """A new folder to write the next generation in: empty, or a copy of `base`. The caller
    holds the writer lock, so whatever another writer left half-built is garbage."""
    versions = versions_dir(instance)
    versions.mkdir(parents=True, exist_ok=True)
    _remove_unpublished(instance)
    folder = versions / f"{_next_number(versions):06d}{BUILDING}"
    if base is None:
        folder.mkdir()
    else:
        _copy_tree(base, folder)
    return folder


def _next_number(versions: Path) -> int:
    numbers = [_number(p.name) for p in versions.iterdir()]
    return max([n for n in numbers if n is not None], default=0) + 1


def _number(name: str) -> int | None:
    head = name[:-len(BUILDING)] if name.endswith(BUILDING) else name
    return int(head) if head.isdigit() else None


def _copy_tree(src: Path, dst: Path) -> None:
    dst.mkdir()
    for entry in os.scandir(src):
        if entry.name in NOT_CARRIED or entry.name.endswith(NOT_CARRIED_SUFFIXES):
            continue
        target = dst / entry.name
        if entry.is_dir(follow_symlinks=False):
            _copy_tree(Path(entry.path), target)
        elif entry.name in COPIED:
            _copy_sqlite(Path(entry.path), target)
        else:
            try:
                os.link(entry.path, target)
            except OSError:           # a file system without hard links
                shutil.copy2(entry.path, target)


def _copy_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of an SQLite file, with whatever its write-ahead log holds."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def publish(instance: Path, building: Path, about: dict | None = None) -> Path:
    """Write the manifest of `building`, then make it the published index in one rename."""
    instance = Path(instance)
    previous = current(instance)
    base = read_manifest(previous) if previous is not None else None
    final = building.with_name(building.name[:-len(BUILDING)])
    write_manifest(building, base, {**_stamp_of(building, final.name), **(about or {})})
    building.rename(final)
    _point_link_at(instance, final)
    _remove_old(instance, final)
    return final


def read_only_uri_mode(store: Path) -> str:
    """The URI parameters a reader opens an SQLite file of the index with: `mode=ro&immutable=1`
    inside a published generation (nothing writes it again, so SQLite may skip its locks and its
    -shm file: the reader writes nothing, even on read-only storage), plain `mode=ro` elsewhere
    (a folder from before generations, or one being built)."""
    folder = Path(store).parent
    if folder.parent.name == VERSIONS_DIR and folder.name.isdigit():
        return "mode=ro&immutable=1"
    return "mode=ro"


def _stamp_of(folder: Path, name: str) -> dict:
    """The version stamp written into a generation's manifest: its number and the corpus
    version the indexer recorded in its meta file."""
    try:
        meta = json.loads((Path(folder) / META_FILE).read_text())
    except (OSError, ValueError):
        meta = {}
    stamp = {"generation": _number(name)}
    if isinstance(meta, dict) and isinstance(meta.get("corpus_version"), int):
        stamp["corpus_version"] = meta["corpus_version"]
    return stamp


_stamps: dict[tuple, dict] = {}


def stamp(folder: Path | None) -> dict | None:
    """What a site shows of the generation in `folder`: {"generation", "corpus_version",
    "documents", "published_at"} (a value None when the generation does not record it); None
    when there is no index. Remembered per manifest, since a published generation never changes."""
    if folder is None:
        return None
    manifest_path = Path(folder) / MANIFEST_FILE
    try:
        stat = manifest_path.stat()
        key = (str(folder), stat.st_ino, stat.st_mtime_ns)
    except FileNotFoundError:
        key = None
    if key in _stamps:
        return _stamps[key]
    manifest = read_manifest(folder) or {}
    found = {**_stamp_of(folder, Path(folder).name), **{k: manifest[k] for k in STAMP_KEYS if k in manifest}}
    result = {k: found.get(k) for k in STAMP_KEYS}
    if key is not None:
        if len(_stamps) >= 64:             # a long-running site sees many generations: forget the old
            _stamps.clear()
        _stamps[key] = result
    return result


def stamp_text(found: dict | None) -> str:
    """The stamp as one header value: `generation=42; corpus-version=17; documents=403`."""
    if found is None:
        return "none"
    return "; ".join(f"{k.replace('_', '-')}={found[k]}" for k in STAMP_KEYS[:3] if found.get(k) is not None)


def discard(building: Path) -> None:
    shutil.rmtree(building, ignore_errors=True)


def _point_link_at(instance: Path, folder: Path) -> None:
    link = link_path(instance)
    tmp = instance / f"{INDEX_DIR}.link-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(os.path.relpath(folder, instance), tmp)
    if link.is_dir() and not link.is_symlink():
        # The folder of an index written before generations: moved aside (searches that opened
        # it keep their open files), and removed with the other old generations.
        link.rename(versions_dir(instance) / f"legacy-{int(time.time())}")
    os.replace(tmp, link)


def _remove_unpublished(instance: Path) -> None:
    """Folders a killed writer left: half-built generations, and finished ones it did not get to
    publish (numbered after the published one)."""
    published = current(instance)
    mine = _number(published.name) if published is not None and published.parent.name == VERSIONS_DIR else None
    for entry in versions_dir(instance).iterdir():
        number = _number(entry.name)
        if entry.name.endswith(BUILDING) or (number is not None and number > (mine or 0)):
            shutil.rmtree(entry, ignore_errors=True)
    for leftover in (INDEX_DIR + ".building", INDEX_DIR + ".old"):        # the layout before generations
        shutil.rmtree(Path(instance) / leftover, ignore_errors=True)


def _remove_old(instance: Path, published: Path) -> None:
    """Old generations: each is kept KEEP_SECONDS after the one that replaced it was published,
    and no more than KEEP_OLD of them."""
    now = time.time()
    old = []
    for entry in versions_dir(instance).iterdir():
        if entry == published or entry.name.endswith(BUILDING) or not entry.is_dir():
            continue
        old.append((_replaced_at(entry, instance), entry))
    old.sort(reverse=True)
    for place, (replaced, entry) in enumerate(old):
        if place >= KEEP_OLD or now - replaced >= KEEP_SECONDS:
            shutil.rmtree(entry, ignore_errors=True)


def _replaced_at(entry: Path, instance: Path) -> float:
    """When the generation after `entry` was published (its manifest's time)."""
    if entry.name.startswith("legacy-"):
        try:
            return float(entry.name.split("-", 1)[1])
        except ValueError:
            return 0.0
    number = _number(entry.name)
    later = sorted((n, p) for p in versions_dir(instance).iterdir()
                   if (n := _number(p.name)) is not None and not p.name.endswith(BUILDING) and n > (number or 0))
    if not later:
        return 0.0
    return float((read_manifest(later[0][1]) or {}).get("published_at", 0.0))


# ---------------------------------------------------------------- the manifest

def read_manifest(folder: Path) -> dict | None:
    try:
        data = json.loads((Path(folder) / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def write_manifest(folder: Path, base: dict | None, about: dict) -> dict:
    """List every file of `folder` with its size and checksums. A file linked from the previous
    generation (the same inode) keeps the size and sums that manifest recorded: it is the same
    file, so if it changed since, that is damage, and it must stay detectable."""
    known = (base or {}).get("files", {})
    files = {}
    for path in sorted(_files(folder)):
        rel = path.relative_to(folder).as_posix()
        stat = path.stat()
        entry = known.get(rel)
        if not (entry and entry.get("ino") == stat.st_ino):
            crc, edges = checksums(path)
            entry = {"size": stat.st_size, "crc": crc, "edges": edges, "ino": stat.st_ino}
        files[rel] = entry
    manifest = {"format": 1, **about, "published_at": time.time(), "files": files}
    tmp = folder / (MANIFEST_FILE + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=0))
    tmp.replace(folder / MANIFEST_FILE)
    return manifest


def _files(folder: Path):
    for root, _dirs, names in os.walk(folder):
        for name in names:
            if name in NOT_CARRIED or name.endswith(NOT_CARRIED_SUFFIXES):
                continue
            yield Path(root) / name


def checksums(path: Path) -> tuple[int, int]:
    """CRC-32 of the whole file, and of its first and last EDGE_BYTES."""
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(4 * 2 ** 20):
            crc = zlib.crc32(chunk, crc)
    return crc, _edges(path)


def _edges(path: Path) -> int:
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(EDGE_BYTES)
        handle.seek(max(size - EDGE_BYTES, 0))
        tail = handle.read(EDGE_BYTES)
    return zlib.crc32(tail, zlib.crc32(head))


# ---------------------------------------------------------------- checking a generation

def problems(folder: Path, full: bool = True, part=None) -> list[str]:
    """What is wrong with the generation in `folder`, one line each: [] when every file the
    manifest lists is there with its size and checksum. `full`: whole checksums of every file
    (else of files up to VERIFY_FULL_BYTES, and the edges of bigger ones); `part(rel)` picks
    the files to look at. A folder without a manifest (written before manifests) has nothing
    to compare with: None is returned."""
    manifest = read_manifest(folder)
    if manifest is None:
        if (Path(folder) / MANIFEST_FILE).exists():
            return [f"{MANIFEST_FILE} cannot be read"]
        return None
    found = []
    for rel, entry in manifest["files"].items():
        if part is not None and not part(rel):
            continue
        problem = _file_problem(Path(folder) / rel, rel, entry, full)
        if problem:
            found.append(problem)
    return found


def _file_problem(path: Path, rel: str, entry: dict, full: bool) -> str | None:
    try:
        size = path.stat().st_size
        if size != entry.get("size"):
            return f"{rel} is {size:,} bytes, the index wrote {entry.get('size', 0):,}: truncated or overwritten"
        if full or size <= VERIFY_FULL_BYTES:
            if checksums(path)[0] != entry.get("crc"):
                return f"{rel} does not match its checksum"
        elif _edges(path) != entry.get("edges"):
            return f"{rel} does not match its checksum"
    except FileNotFoundError:
        return f"{rel} is missing"
    except OSError as exc:
        return f"{rel} cannot be read ({exc.strerror or exc})"
    return None


_verified: dict[tuple, bool] = {}


def verify_part(folder: Path, part, name: str) -> None:
    """Raise IndexDamaged if the files `part` picks are damaged (quick check, remembered per
    generation and process: published generations never change)."""
    try:
        stat = (Path(folder) / MANIFEST_FILE).stat()
        key = (str(folder), name, stat.st_ino, stat.st_mtime_ns)
    except FileNotFoundError:
        key = (str(folder), name, None, None)
    if key in _verified:
        return
    found = problems(folder, full=False, part=part)
    if found:
        raise IndexDamaged(damaged_message(found[0] + (f" and {len(found) - 1} more" if len(found) > 1 else "")))
    _verified[key] = True


def is_positions_file(rel: str) -> bool:
    return rel.startswith("positions")


def is_token_store(rel: str) -> bool:
    return rel in COPIED


def is_core_file(rel: str) -> bool:
    """What every search reads: the Whoosh files, codes, stems, ledger, meta."""
    return not (is_positions_file(rel) or is_token_store(rel))


# ---------------------------------------------------------------- write failures

def write_failure(exc: BaseException, where: Path) -> IndexWriteError | None:
    """The IndexWriteError for a disk failure (no space, I/O error, read-only file system) while
    writing the generation in `where`; None for anything else."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EROFS,
                                                  errno.EFBIG):
        reason = exc.strerror or str(exc)
    elif isinstance(exc, sqlite3.OperationalError) and any(
            s in str(exc) for s in ("disk is full", "disk I/O error", "readonly database")):
        reason = str(exc)
    else:
        return None
    return IndexWriteError(f"cannot write the index in {where} ({reason}); the published index is "
                           "unchanged: free some space, then run `corpus check --repair`")
