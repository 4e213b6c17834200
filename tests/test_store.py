"""Generations on disk: the lock, the atomic swap and pruning."""

from __future__ import annotations

import pytest

from indexer.errors import IndexLocked, IndexMissing
from indexer.store import CURRENT, IndexStore


def test_empty_store_has_no_current(tmp_path):
    store = IndexStore(tmp_path / "index")
    assert store.current_name() is None
    with pytest.raises(IndexMissing, match="newsindex rebuild"):
        store.current()


def test_second_lock_fails_at_once(tmp_path):
    store = IndexStore(tmp_path / "index")
    with store.lock():
        with pytest.raises(IndexLocked, match="Another rebuild or update"):
            with IndexStore(tmp_path / "index").lock():
                pass
    with store.lock():  # released after the first holder left
        pass


def test_publish_swaps_and_keeps_one_previous(tmp_path):
    store = IndexStore(tmp_path / "index")
    names = []
    for _ in range(3):
        gen = store.new_generation()
        (gen / "data").write_text("x")
        store.publish(gen)
        names.append(gen.name)
    assert store.current_name() == names[-1]
    kept = sorted(p.name for p in store.generations_dir.iterdir())
    assert kept == sorted(names[-2:])
    assert (store.root / CURRENT).read_text().strip() == names[-1]


def test_pointer_to_a_missing_generation_is_reported(tmp_path):
    store = IndexStore(tmp_path / "index")
    store.root.mkdir()
    (store.root / CURRENT).write_text("g-gone\n")
    with pytest.raises(IndexMissing, match="missing generation"):
        store.current()


def test_leftovers_of_killed_builds_are_cleared_under_the_lock(tmp_path):
    store = IndexStore(tmp_path / "index")
    kept = []
    for _ in range(2):
        gen = store.new_generation()
        store.publish(gen)
        kept.append(gen.name)
    orphan = store.new_generation()  # a build killed before it published
    (store.root / f"{CURRENT}.tmp-999").write_text("g-x\n")
    with store.lock():
        store.clear_leftovers()
    assert sorted(p.name for p in store.generations_dir.iterdir()) == sorted(kept)
    assert not orphan.exists()
    assert not list(store.root.glob("CURRENT.tmp-*"))


_HOLDER = """
import multiprocessing, sys, time
from indexer.store import IndexStore

def work():
    time.sleep(120)  # a worker waiting for more work, as a pool's do

with IndexStore(sys.argv[1]).lock():
    child = multiprocessing.get_context("fork").Process(target=work)
    child.start()
    print(child.pid, flush=True)
    time.sleep(120)
"""


@pytest.mark.slow
def test_workers_of_a_killed_build_die_with_it_and_free_the_lock(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path / "index")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        child = int(holder.stdout.readline())
        os.kill(holder.pid, signal.SIGKILL)  # kill -9 the build, not its worker
        holder.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and os.path.exists(f"/proc/{child}"):
            with open(f"/proc/{child}/stat") as stat:
                if stat.read().split(") ")[1].startswith("Z"):  # dead, not yet reaped
                    break
            time.sleep(0.02)
        else:
            assert not os.path.exists(f"/proc/{child}"), "the worker outlived the killed build"
        with IndexStore(tmp_path / "index").lock():  # nobody holds it any more
            pass
    finally:
        holder.kill()
        holder.stdout.close()


def _published(store: IndexStore, count: int) -> list[str]:
    """Publish `count` generations holding a data file; their names, oldest first."""
    names = []
    for _ in range(count):
        gen = store.new_generation()
        (gen / "data").write_text("x")
        store.publish(gen)
        names.append(gen.name)
    return names


def test_discard_never_deletes_the_generation_current_names(tmp_path):
    store = IndexStore(tmp_path / "index")
    (name,) = _published(store, 1)
    store.discard(store.generations_dir / name)  # as a build interrupted after its swap does
    assert store.current().name == name and (store.current() / "data").exists()


def test_a_folder_where_previous_should_be_does_not_stop_the_swap(tmp_path):
    store = IndexStore(tmp_path / "index")
    first = _published(store, 1)
    (store.root / "PREVIOUS").unlink()
    (store.root / "PREVIOUS").mkdir()
    second = _published(store, 1)
    assert store.current_name() == second[0]
    assert (store.root / "PREVIOUS").read_text().strip() == first[0]


@pytest.mark.parametrize(
    "pointer", ["", "   ", "..", "/etc", "g-missing", "{good}x", "{good}\nextra", "generations"]
)
def test_a_damaged_pointer_prunes_nothing(tmp_path, pointer):
    store = IndexStore(tmp_path / "index")
    names = _published(store, 2)
    orphan = store.new_generation()  # might be the real index for all we know
    (store.root / CURRENT).write_text(pointer.format(good=names[-1]) + "\n")
    with pytest.raises(IndexMissing):
        store.check_pointer()
    with store.lock():
        store.clear_leftovers()
    assert {p.name for p in store.generations_dir.iterdir()} == {*names, orphan.name}
    gen = store.new_generation()
    store.publish(gen)  # a rebuild over a damaged pointer keeps every other generation
    assert store.current_name() == gen.name
    assert {p.name for p in store.generations_dir.iterdir()} == {*names, orphan.name, gen.name}
    assert (store.root / "PREVIOUS").read_text().strip() == orphan.name  # the newest other


def test_a_generation_being_read_is_not_pruned_until_released(tmp_path):
    store = IndexStore(tmp_path / "index")
    names = _published(store, 1)
    lease = store.lease(store.generations_dir / names[0])
    _published(store, 2)  # names[0] is neither current nor previous now
    assert (store.generations_dir / names[0] / "data").exists()
    lease.release()
    with store.lock():
        store.clear_leftovers()
    assert not (store.generations_dir / names[0]).exists()
