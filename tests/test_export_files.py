"""Atomic file writes: the old file or the new one, never half of one, and no litter."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from eventline.export._files import write_atomically

OLD = b"old contents\n"


def _listing(directory: Path) -> list[str]:
    return sorted(entry.name for entry in directory.iterdir())


def test_writes_bytes_and_str(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.json", b"\x00bytes")
    write_atomically(str(tmp_path / "b.json"), "Zürich 😀\n")
    assert (tmp_path / "a.json").read_bytes() == b"\x00bytes"
    assert (tmp_path / "b.json").read_bytes() == "Zürich 😀\n".encode()
    assert _listing(tmp_path) == ["a.json", "b.json"]


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _listing(tmp_path) == ["out.ics"]


def test_new_files_get_the_umask_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "timeline.json"
    target.write_bytes(OLD)

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt  # not even an Exception: cleanup must still run

    monkeypatch.setattr(os, failing, interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new contents that must not appear\n" * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["timeline.json"]


def test_a_write_failing_midway_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "timeline.json"
    target.write_bytes(OLD)
    real_fdopen = os.fdopen

    class FullDisk:
        """A file that takes the first bytes, then fails as a full disk does."""

        def __init__(self, descriptor: int, mode: str) -> None:
            self._file = real_fdopen(descriptor, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *_exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            self._file.write(data[:10])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", FullDisk)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"x" * 100_000)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["timeline.json"]


def test_unencodable_text_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_bytes(OLD)
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "lone \udc80 surrogate")
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["t.json"]


def test_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "t.json", "x")
    assert _listing(tmp_path) == []


def test_dash_is_an_ordinary_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomically("-", "not stdout")
    assert (tmp_path / "-").read_text() == "not stdout"


def test_long_names_still_fit(tmp_path: Path) -> None:
    name = "n" * 250 + ".json"
    write_atomically(tmp_path / name, "x")
    assert _listing(tmp_path) == [name]
