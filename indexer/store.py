"""Index generations on disk: an exclusive build lock, atomic swaps, a pointer to the current one.

Layout of an index directory::

    index/
      CURRENT            name of the generation being served (replaced atomically)
      PREVIOUS           name of the generation kept for rollback
      .lock              held (flock) by the one rebuild or update running
      generations/
        g-20250115T101500-4242-0/   one complete backend index each

Two rules keep the served index safe whatever fails or is interrupted: nothing deletes the
generation CURRENT names (checked on disk just before any deletion), and nothing is pruned
while CURRENT is damaged, since any generation could then be the real index. A reading process
holds a shared flock on the folder of the generation it reads (a `Lease`); pruning skips such
generations, so a long CSV export keeps its files until it finishes.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import re
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indexer.errors import GenerationGone, IndexLocked, IndexMissing

CURRENT = "CURRENT"
PREVIOUS = "PREVIOUS"  # the generation kept for rollback (informational, rewritten at publish)
GENERATIONS = "generations"
LOCK = ".lock"
_NAME = re.compile(r"g-[A-Za-z0-9-]{1,120}")  # what new_generation makes, nothing else

log = logging.getLogger(__name__)


def _fsync_path(path: Path) -> None:
    """Flush a file or directory to disk (Whoosh itself never calls fsync)."""
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """Flush every file in a directory tree, then the directories themselves."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            _fsync_path(Path(dirpath) / name)
        _fsync_path(Path(dirpath))


# A build forks workers (normalising, Whoosh's sub-writers). Forked children share the lock's
# open file, so a child outliving a killed build (kill -9) would hold the lock, and wait for
# work forever. While the lock is held, every forked child is made to die with its parent.
_ORPHANS = {"guard": 0, "forker": 0}
_PR_SET_PDEATHSIG = 1


def _note_forker() -> None:
    """Before a fork: remember which process forks."""
    _ORPHANS["forker"] = os.getpid()


def _die_with_parent() -> None:
    """In a child forked during a build: be killed when the parent dies (Linux prctl)."""
    if not _ORPHANS["guard"]:
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: nothing to arm
        return
    if os.getppid() != _ORPHANS["forker"]:  # the parent died before the signal was armed
        os._exit(1)


os.register_at_fork(before=_note_forker, after_in_child=_die_with_parent)


class IndexStore:
    """The generations of one index directory."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @property
    def generations_dir(self) -> Path:
        """Where generations live."""
        return self.root / GENERATIONS

    def current_name(self) -> str | None:
        """The name of the generation being served, or None (no pointer, or a damaged one)."""
        pointer = self.root / CURRENT
        try:
            name = pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            return None  # a folder or garbage where the pointer should be: nothing to serve
        return name if _NAME.fullmatch(name) else None

    def _pointer_state(self) -> tuple[str | None, bool]:
        """The generation CURRENT names (None if none), and whether the pointer can be trusted.

        Trusted: no pointer at all (a new index), or one naming an existing generation. Anything
        else (garbage, a folder, a missing generation) hides which generation is the real index.
        """
        if not os.path.lexists(self.root / CURRENT):
            return None, True
        name = self.current_name()
        if name is None or not (self.generations_dir / name).is_dir():
            return None, False
        return name, True

    def check_pointer(self) -> None:
        """Raise IndexMissing unless CURRENT names an existing generation (before an update)."""
        self.current()

    def current(self) -> Path:
        """The directory of the generation being served; IndexMissing when there is none."""
        name = self.current_name()
        if name is None:
            pointer = self.root / CURRENT
            what = "a damaged index pointer" if pointer.exists() else "no index"
            raise IndexMissing(
                f"There is {what} at {self.root}: run `newsindex rebuild PATH` to build one."
            )
        path = self.generations_dir / name
        if not path.is_dir():
            raise IndexMissing(
                f"The index at {self.root} points to a missing generation ({name}): "
                "run `newsindex rebuild PATH` to build a new one."
            )
        return path

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the build lock, or raise IndexLocked at once if another build holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise IndexLocked(
                        f"Another rebuild or update is running on {self.root}; "
                        "wait for it to finish and try again."
                    ) from None
                raise
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
            _ORPHANS["guard"] += 1
            try:
                yield
            finally:
                _ORPHANS["guard"] -= 1
        finally:
            os.close(fd)  # closing releases the flock

    def new_generation(self) -> Path:
        """Create an empty directory for a generation being built."""
        self.generations_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        for n in range(1000):
            path = self.generations_dir / f"g-{stamp}-{os.getpid()}-{n}"
            try:
                path.mkdir()
            except FileExistsError:
                continue
            return path
        raise RuntimeError("could not create a new generation directory")

    def copy_generation(self, source: Path, target: Path) -> None:
        """Fill `target` with the files of `source`: hard links where possible, else copies.

        Every file of a generation is written once and never changed in place: Whoosh gives
        each segment and TOC a new name, and newsindex writes its own files under a temporary
        name then renames them. So an update can share the unchanged files (hundreds of MB at
        100k articles) with the generation it starts from instead of copying them. Whoosh's
        write lock is the one file opened for writing again; it is copied.
        """
        for path in source.iterdir():
            if not path.is_file():
                continue
            destination = target / path.name
            if not path.name.endswith("WRITELOCK"):
                try:
                    os.link(path, destination)
                    continue
                except OSError:  # a file system without hard links: copy
                    pass
            shutil.copy2(path, destination)

    def publish(self, generation: Path) -> None:
        """Make a fully built generation the current one, atomically, then prune old ones.

        Everything that can fail happens before the swap (flushing, writing PREVIOUS), so a
        failure leaves the old index serving. After the swap the build has succeeded: pruning
        only logs what it could not remove.
        """
        previous, trusted = self._pointer_state()
        if not trusted:  # keep the newest other generation: it is likely what CURRENT meant
            others = sorted(p.name for p in self.generations_dir.iterdir() if p != generation)
            previous = others[-1] if others else None
        fsync_tree(generation)
        self._write_pointer(PREVIOUS, previous or "")
        self._write_pointer(CURRENT, generation.name)  # the swap
        try:
            _fsync_path(self.root)
            if trusted:
                self.prune(keep={generation.name, previous})
        except OSError as exc:
            log.warning("new index published; old generations not pruned: %s", exc)

    def _write_pointer(self, name: str, value: str) -> None:
        """Replace a pointer file atomically (a temporary file, fsynced, renamed over it)."""
        tmp = self.root / f"{name}.tmp-{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(value + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        pointer = self.root / name
        if pointer.is_dir() and not pointer.is_symlink():
            shutil.rmtree(pointer)  # a damaged pointer; os.replace cannot replace a folder
        os.replace(tmp, pointer)

    def clear_leftovers(self) -> None:
        """Remove what killed builds left: unpublished generations and pointer temp files.

        Called by the lock holder before it builds, so nothing else is being written. With a
        damaged CURRENT no generation is removed: any of them could be the real index.
        """
        current, trusted = self._pointer_state()
        if trusted:
            try:
                previous = (self.root / PREVIOUS).read_text(encoding="utf-8").strip() or None
            except (OSError, UnicodeDecodeError):
                previous = None
            self.prune(keep={current, previous})
        for stray in [*self.root.glob(f"{CURRENT}.tmp-*"), *self.root.glob(f"{PREVIOUS}.tmp-*")]:
            stray.unlink(missing_ok=True)

    def discard(self, generation: Path) -> None:
        """Remove a generation that was never published; never the one CURRENT names."""
        if self.current_name() != generation.name:
            shutil.rmtree(generation, ignore_errors=True)

    def prune(self, keep: set[str | None]) -> None:
        """Delete every generation but those kept, the one CURRENT names and those being read.

        Only called under the build lock, so nothing else is being built; this also clears
        generations left behind by a build that was killed.
        """
        if not self.generations_dir.is_dir():
            return
        keep = {*keep, self.current_name()}  # read again: the pointer is the truth
        for path in self.generations_dir.iterdir():
            if path.is_dir() and not path.is_symlink() and path.name not in keep:
                _remove_unless_read(path)

    def lease(self, generation: Path) -> Lease:
        """Hold a generation for reading: pruning leaves it alone until the lease is released.

        Raises GenerationGone when the generation was removed (or is being removed) since its
        name was read: the caller reads CURRENT again.
        """
        try:
            fd = os.open(generation, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            raise GenerationGone(f"generation {generation.name} was removed") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            if os.fstat(fd).st_nlink == 0:  # removed between open and flock
                raise GenerationGone(f"generation {generation.name} was removed")
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):  # a prune holds it to delete it
                raise GenerationGone(f"generation {generation.name} is being removed") from None
            raise
        except BaseException:
            os.close(fd)
            raise
        return Lease(generation.name, fd)

    def size_bytes(self) -> int:
        """Bytes on disk of the current generation."""
        total = 0
        for dirpath, _dirs, files in os.walk(self.current()):
            total += sum((Path(dirpath) / f).stat().st_size for f in files)
        return total


def _remove_unless_read(path: Path) -> None:
    """Delete a generation folder unless a reader holds a lease on it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            log.info("generation %s is still being read; removed by a later build", path.name)
            return
        shutil.rmtree(path, ignore_errors=True)
    finally:
        os.close(fd)


class Lease:
    """A reader's shared flock on one generation folder; release() (or close) lets it go."""

    def __init__(self, name: str, fd: int) -> None:
        self.name = name
        self._fd: int | None = fd

    def release(self) -> None:
        """Let the generation be pruned again (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
