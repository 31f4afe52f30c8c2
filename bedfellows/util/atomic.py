"""Write output files atomically, and refuse targets that must not be overwritten.

Every file bedfellows writes for the user (exports, graphs, plots) goes through
``atomic_output``: the content is written to a temporary file in the target's
directory, flushed to disk, and only then moved into place, so a failed or
interrupted write never leaves a truncated target behind and never touches an
existing file it was not allowed to replace.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError

__all__ = ["atomic_output", "check_output_path", "same_file"]


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (same inode, or the same resolved path)."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass  # one of them does not exist (yet): compare the names
    return Path(a).resolve() == Path(b).resolve()


def _protected_files(protected: Iterable[str | Path]) -> list[Path]:
    """Each protected database with the write-ahead log DuckDB keeps next to it."""
    out: list[Path] = []
    for p in protected:
        if str(p) == ":memory:":
            continue
        p = Path(p)
        out += [p, p.with_name(p.name + ".wal")]
    return out


def check_output_path(
    path: str | Path, *, overwrite: bool = False, protected: Iterable[str | Path] = ()
) -> Path:
    """Check that ``path`` may be written; raise ConfigError saying why not.

    Refused: a path that is one of the ``protected`` files (a database being
    read, or its ``.wal``) even with ``overwrite``; an existing file unless
    ``overwrite``; a directory; a path whose directory does not exist.
    """
    path = Path(path)
    for guarded in _protected_files(protected):
        if same_file(path, guarded):
            raise ConfigError(f"{path}: refusing to write over the database {guarded}")
    if path.is_dir():
        raise ConfigError(f"{path}: is a directory; give a file name")
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise ConfigError(f"{path}: file exists; choose another name or pass --force")
    parent = path.parent
    if not parent.is_dir():
        raise ConfigError(f"{path}: cannot write: directory {parent} does not exist")
    return path


@contextlib.contextmanager
def atomic_output(
    path: str | Path, *, overwrite: bool = False, protected: Iterable[str | Path] = ()
) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success move it to ``path``.

    The caller writes the whole file to the yielded path (any writer that takes
    a path: ``open``, DuckDB ``COPY``, matplotlib, networkx). On leaving the
    block the file is fsync'ed and renamed onto ``path``; on any exception the
    temporary file is removed and ``path`` is left as it was. Without
    ``overwrite`` the final step refuses an existing file even if it appeared
    while writing (a hard link cannot replace a file). Raises ConfigError for a
    refused or unwritable target (see ``check_output_path``).
    """
    target = check_output_path(path, overwrite=overwrite, protected=protected)
    # A dot-file in the same directory: same file system, so the rename is atomic.
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        yield tmp
        if not tmp.exists():  # the writer wrote nothing: an empty file is still a file
            tmp.touch()
        _fsync(tmp)
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _link_no_clobber(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target`` unless ``target`` exists (checked atomically)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise ConfigError(f"{target}: file exists; choose another name or pass --force") from None
    except OSError:
        # File systems without hard links: the check in check_output_path has to do.
        if target.exists():
            raise ConfigError(
                f"{target}: file exists; choose another name or pass --force"
            ) from None
        os.replace(tmp, target)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; not every platform can open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
