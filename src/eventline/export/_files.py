"""Writing export files atomically: the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Replace the file at ``path`` with ``data`` (a str is written as UTF-8) in one step.

    The data goes to a new temporary file in the same directory, is flushed to disk, and the
    temporary file is then renamed over ``path`` (:func:`os.replace`). A write interrupted at
    any point leaves the old file (or no file) and removes the temporary one. A replaced file
    keeps its permission bits; a new one gets the usual ``0o666`` less the umask. ``-`` is an
    ordinary file name here: writing to standard output is the caller's business.

    Raises:
        UnicodeEncodeError: ``data`` is a str that UTF-8 cannot encode (a lone surrogate);
            nothing is written.
        OSError: the directory does not exist or is not writable, the disk is full...
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # A hidden, unique name beside the target (short enough for any file system's name limit).
    temporary = target.with_name(f".{target.name[:200]}.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Flush the directory entry of a rename to disk, where the system allows it (POSIX)."""
    if os.name != "posix":
        return
    # The file is in place already; a file system that cannot sync directories is no error.
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
