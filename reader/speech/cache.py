"""A content-addressed audio cache on disk: atomic writes, validated reads, pruning."""

import hashlib
import itertools
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

log = logging.getLogger(__name__)

TEMP_PREFIX, TEMP_SUFFIX = ".tmp-", ".part"
# A write that has not been renamed into place for this long was cut short (a killed worker).
ABANDONED_WRITE_SECONDS = 3600
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_write_numbers = itertools.count()
# Why each cache root's last write failed, for this process (a worker makes an AudioCache per
# job): one log line when writes start failing, one when they work again.
_write_errors: dict[Path, str] = {}


def cache_key(*parts: object) -> str:
    """sha256 over every input that shapes the audio, in a stable JSON form."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PruneReport:
    """What `prune` removed and what is left."""

    removed_files: int
    removed_bytes: int
    kept_files: int
    kept_bytes: int


class AudioCache:
    """Files under root/<kind>/<key><suffix>; a fault is logged and treated as a miss.

    One flat directory per kind: the filesystems a server keeps its data on index large
    directories, `prune` bounds the count (500 MB is ~25,000 sentences), and a new cache then
    makes one directory rather than one per key prefix: ~25 for the first article, at
    0.3-0.8 ms of kernel time each on this machine's ext4.
    """

    def __init__(self, root: str | os.PathLike, validators: dict[str, Callable[[bytes], bool]]):
        self.root = Path(root)
        self.validators = validators
        """Suffix -> check; data stored under a suffix with a check must pass it."""

    @property
    def write_error(self) -> str | None:
        """Why the last write failed (a full or read-only disk), or None once one succeeds."""
        return _write_errors.get(self.root)

    def path(self, kind: str, key: str, suffix: str) -> Path:
        return self.root / kind / f"{key}{suffix}"

    def get(self, kind: str, key: str, suffix: str) -> Path | None:
        """The cached file, or None when absent, empty or unreadable."""
        path = self.path(kind, key, suffix)
        try:
            info = path.stat()
            if info.st_size > 0:
                # The last use goes in the access time, for pruning; the modification time
                # stays when the file was made (the audio's and the feed's Last-Modified).
                os.utime(path, ns=(time.time_ns(), info.st_mtime_ns))
                return path
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("audio cache read failed for %s: %s", path, error)
        return None

    def put(self, kind: str, key: str, data: bytes | Iterable[bytes], suffix: str) -> Path | None:
        """Store atomically (temp file, then rename); refuse data that is empty or invalid.

        `data` may come in chunks (a long article's timing track, made a cue at a time, is
        written as it is made rather than held whole); a suffix with a validator takes bytes.
        """
        validate = self.validators.get(suffix)
        chunked = not isinstance(data, bytes)
        if chunked and validate is not None:
            raise TypeError(f"{suffix} data is validated whole: give bytes")
        if not chunked and (not data or (validate is not None and not validate(data))):
            log.warning("refusing to cache invalid data for %s/%s", kind, key)
            return None
        path = self.path(kind, key, suffix)
        try:
            if not _write_atomically(path, [data] if not chunked else data):
                log.warning("refusing to cache invalid data for %s/%s", kind, key)
                return None
        except OSError as error:
            # Said once, not at every write: a full disk fails every sentence of every render.
            if _write_errors.get(self.root) is None:
                log.error("audio cache write failed for %s: %s (said once)", path, error)
            _write_errors[self.root] = f"{type(error).__name__}: {error}"
            return None
        if _write_errors.pop(self.root, None) is not None:
            log.warning("the audio cache %s can be written again", self.root)
        return path

    def prune(self, max_bytes: int, max_age_seconds: float, now: float | None = None):
        """Remove files unused for max_age, then the least recently used beyond max_bytes."""
        now = time.time() if now is None else now
        files = []
        for path in self.root.rglob("*.*"):
            try:
                info = path.stat()
            except OSError:
                continue
            if not S_ISREG(info.st_mode):
                continue
            if path.name.startswith(TEMP_PREFIX):  # a write in progress, or one cut short
                if now - info.st_mtime > ABANDONED_WRITE_SECONDS:
                    files.append((-math.inf, info.st_size, path))  # removed below
                continue
            last_use = max(info.st_atime, info.st_mtime)  # get() marks a use in st_atime
            files.append((last_use, info.st_size, path))
        files.sort(reverse=True)  # most recently used first
        kept_bytes = removed_bytes = removed = 0
        for mtime, size, path in files:
            if now - mtime > max_age_seconds or kept_bytes + size > max_bytes:
                try:
                    path.unlink()
                except OSError:
                    continue
                removed, removed_bytes = removed + 1, removed_bytes + size
            else:
                kept_bytes += size
        self._remove_empty_folders()
        return PruneReport(removed, removed_bytes, len(files) - removed, kept_bytes)

    def _remove_empty_folders(self) -> None:
        # Below each kind's folder there are none now; caches from before the flat layout had
        # 256 key-prefix folders. A kind's own folder stays: a worker may be writing into it.
        for folder in self.root.glob("*/*/"):
            try:
                folder.rmdir()  # only an empty folder goes
            except OSError:
                continue


def _write_atomically(path: Path, chunks: Iterable[bytes]) -> int:
    """Write beside the path under a temporary name, then rename: readers see all or nothing.

    Returns how many bytes were written; nothing is left behind when that is none."""
    # Process, thread and a count make the name unique without mkstemp's random names.
    writer = f"{os.getpid()}-{threading.get_ident()}-{next(_write_numbers)}"
    temp = path.with_name(f"{TEMP_PREFIX}{writer}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, _CREATE, 0o600)
    except FileNotFoundError:  # the kind's folder is made by its first write
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, _CREATE, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            written = sum(handle.write(chunk) for chunk in chunks)
        if not written:
            temp.unlink()
            return 0
        os.replace(temp, path)
        return written
    except BaseException:
        temp.unlink(missing_ok=True)  # a failed write leaves nothing behind
        raise
