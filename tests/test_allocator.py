"""The server's malloc arenas (pages/allocator.py), counted in a real server's memory map."""

from __future__ import annotations

import asyncio
import concurrent.futures
import platform
import subprocess
import sys
from pathlib import Path

import pytest
import websockets

from benchmarks import protocol
from benchmarks.harness import start
from pages import allocator
from tests.conftest import ROOT

HEAP = 64 * 1024 * 1024  # glibc's non-main arenas live in 64 MB aligned heaps of this size
GLIBC = platform.libc_ver()[0] == "glibc"


def arena_heaps(maps: str) -> int:
    """The number of glibc arena heaps in a /proc/<pid>/maps text: anonymous mappings that
    start on a 64 MB boundary and, with the reserve that follows them, span exactly 64 MB."""
    spans = []
    for line in maps.splitlines():
        fields = line.split()
        if len(fields) == 5:  # no path: anonymous
            low, high = (int(x, 16) for x in fields[0].split("-"))
            spans.append((low, high, fields[1]))
    heaps = 0
    for i, (low, high, mode) in enumerate(spans):
        if low % HEAP or not mode.startswith("rw"):
            continue
        j, end = i, high
        while end < low + HEAP and j + 1 < len(spans) and spans[j + 1][0] == end:
            j += 1
            end = spans[j][1]
        heaps += end == low + HEAP
    return heaps


def test_arena_heaps_are_counted_from_a_memory_map_by_hand():
    base = 0x7F0000000000  # 64 MB aligned
    maps = "\n".join(
        [
            f"{base:x}-{base + 0x100000:x} rw-p 00000000 00:00 0",  # 1 MB used
            f"{base + 0x100000:x}-{base + HEAP:x} ---p 00000000 00:00 0",  # the reserve
            f"{base + HEAP:x}-{base + HEAP + 0x200000:x} rw-p 00000000 00:00 0",  # no reserve
            f"{base + 3 * HEAP:x}-{base + 4 * HEAP:x} rw-p 00000000 00:00 0",  # a whole heap
            f"{base + 5 * HEAP:x}-{base + 6 * HEAP:x} r-xp 00000000 08:01 42 /usr/lib/libx.so",
        ]
    )
    assert arena_heaps(maps) == 2


def test_the_allocator_is_reachable_where_the_server_runs_on_glibc():
    """On glibc (Debian, CI) the arena limit and malloc_trim are in reach; elsewhere no-ops."""
    if GLIBC:
        assert allocator.libc() is not None
    allocator.release_free_memory()  # must not raise either way


IN_HEAP = """
import ctypes, sys
from pages import allocator
libc = allocator.libc()
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
libc.free(libc.malloc(8 << 20))  # a freed 8 MB block: glibc raises its thresholds to 8 MB
if sys.argv[1] == "fixed":
    assert allocator.fix_allocation_thresholds()
block = libc.malloc(1 << 20)
heap = [line.split()[0] for line in open("/proc/self/maps") if line.rstrip().endswith("[heap]")]
low, high = (int(x, 16) for x in heap[0].split("-"))
print("heap" if low <= block < high else "mapped")
"""


@pytest.mark.skipif(not GLIBC, reason="glibc's thresholds; the server runs on Debian")
@pytest.mark.parametrize(("mode", "where"), [("moving", "heap"), ("fixed", "mapped")])
def test_fixed_thresholds_keep_a_large_block_out_of_the_heap(mode, where):
    """After an 8 MB block is freed, glibc by default puts a 1 MB block in the heap (where its
    pages stay after it is freed); with the thresholds fixed at 256 KB it is mapped on its
    own. In a fresh process each: the thresholds are per process."""
    found = subprocess.run(
        [sys.executable, "-c", IN_HEAP, mode], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == [where]


async def busy_sessions(url: str, sessions: int, pages: list[str]) -> None:
    async def one(i: int) -> None:
        async with websockets.connect(
            protocol.stream_url(url), subprotocols=protocol.SUBPROTOCOLS, max_size=None
        ) as ws:
            for page in pages[i % len(pages) :] + pages[: i % len(pages)]:
                message = protocol.rerun_message("gemeente=GM0114", page)
                async with asyncio.timeout(120):
                    await protocol.script_run(ws, message)

    await asyncio.gather(*(one(i) for i in range(sessions)))


@pytest.mark.skipif(not GLIBC, reason="glibc's arenas; the server runs on Debian")
def test_a_busy_server_keeps_to_two_malloc_arenas(tmp_path):
    """Six sessions running pages at once make the server's threads allocate together; glibc
    would give them new arenas up to 16 (2 cores), each keeping what is freed in it. The server
    restarts itself with ``MALLOC_ARENA_MAX=2`` when it imports app.py (same pid), so it has the
    main arena and one more heap, and at most one heap more for an arena that outgrows its first
    64 MB. Measured with ``mallopt`` at app.py's import instead: 4-6 heaps, and 14 with no
    limit at all."""
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log_file:
        server = start(ROOT / "app.py", log=log_file)
    try:
        environ = Path(f"/proc/{server.pid}/environ").read_bytes().split(b"\0")
        pages = ["kaart", "verkennen", "per_doel", "overzicht", "vergelijken", "ambities"]
        # in a thread of its own: a browser test before may leave this thread's loop running
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, busy_sessions(server.url, 6, pages)).result()
        heaps = arena_heaps(Path(f"/proc/{server.pid}/maps").read_text())
    finally:
        server.stop()
    log = log_path.read_text()
    assert f"{allocator.ARENA_VARIABLE}={allocator.ARENAS}".encode() in environ
    assert heaps <= allocator.ARENAS, heaps
    assert log.count("You can now view") == 2, log  # started once more, not in a loop
