"""glibc's allocator, set once per server process: two arenas, and free pages handed back.

Views are built and evicted by several threads (each session's script thread, the prefetch,
the server's own pools), and glibc gives every thread that allocates at once an arena of its
own (up to 8 per core) and keeps what is freed in each: the server's memory then creeps up by
the largest mix of views and runs it ever held, although the view cache is bounded. Two arenas
are enough where the GIL serialises allocation.

glibc gives each new thread a new arena until the limit, and arenas are never given back, so
the limit must hold from the process's start. ``streamlit run`` has started five threads before
it imports app.py (measured: 6 arenas when ``mallopt`` is called there, 15 without; the soak
still climbed +44 MB in 50 minutes with 6). Only the environment sets it from the start
(``MALLOC_ARENA_MAX``, read by glibc when the process loads), and ``streamlit run app.py`` has
no place for it: so the server, when it imports app.py, starts itself again in the same process
(``os.execv``, same pid and arguments) with the variable set (:func:`restart_with_arena_limit`).
It happens once: the variable is then there. A limit set by whoever started the server is kept.
``malloc_trim`` returns free pages after a rescan of the view cache (pages/shared.py). No Python
library wraps these calls, hence ctypes; elsewhere than glibc, they are no-ops.

glibc also moves its own thresholds: a block of 128 KB or more is mapped on its own and
unmapped when freed, but each time such a block is freed, glibc raises the threshold to that
block's size (up to 32 MB), and the heap's trim threshold to twice that. A page run's large
temporaries (a spec's JSON, Arrow buffers, a protobuf message of several hundred KB) then land
in the heap, and freed heap is only handed back once the free space at its top exceeds the
raised trim threshold: the server's memory swung by 20-40 MB between minutes of a soak while
the memory in use did not. Fixed thresholds (:func:`fix_allocation_thresholds`, ``mallopt``,
which also stops the raising) keep blocks of 256 KB and more out of the heap and hand free
space at its top back above 1 MB.

pyarrow has an allocator of its own (mimalloc in the wheels) that keeps what it frees for
later: Streamlit turns every table it sends into Arrow on every run, and a soak with a sampler
of pyarrow's pool found some 10 MB kept there after 15 minutes. The server gives Arrow the
system allocator instead (:func:`use_system_allocator_for_arrow`), whose free pages
``malloc_trim`` hands back with the rest.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys

import pyarrow

ARENAS = 2
ARENA_VARIABLE = "MALLOC_ARENA_MAX"
M_TRIM_THRESHOLD = -1  # mallopt's parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024  # bytes: a block this large is mapped on its own
TRIM_THRESHOLD = 1024 * 1024  # bytes: free space at the heap's top beyond this is handed back


@functools.cache
def libc() -> ctypes.CDLL | None:
    """The C library, if it is glibc (it has ``malloc_trim``)."""
    name = ctypes.util.find_library("c")  # runs ldconfig once: cached
    found = ctypes.CDLL(name) if name else None
    if found is None or not hasattr(found, "malloc_trim"):
        return None
    return found


def open_sockets() -> list[int]:
    """This process's file descriptors that are sockets (Linux: read from /proc)."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}").startswith("socket:"):
                found.append(int(name))
        except OSError:  # the descriptor of the listing itself, closed by now
            continue
    return found


def restart_with_arena_limit() -> None:
    """Replace this process by the same command with ``MALLOC_ARENA_MAX`` set (see above);
    returns when it is set already, or where the C library is not glibc.

    The server's listening socket, bound before app.py is imported (and made inheritable by
    the server), is closed on the exec, and the new process binds the port again within a
    second or two; a client asking meanwhile is refused, as during any start, and asks again.
    Standard streams are flushed first, so nothing printed is lost."""
    if libc() is None or os.environ.get(ARENA_VARIABLE):
        return
    os.environ[ARENA_VARIABLE] = str(ARENAS)
    for fd in open_sockets():
        os.set_inheritable(fd, False)  # else the new process finds its port taken
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, sys.orig_argv)


def release_free_memory() -> None:
    """Hand freed heap pages back to the operating system."""
    found = libc()
    if found is not None:
        found.malloc_trim(0)


def fix_allocation_thresholds() -> bool:
    """Fix glibc's mmap and trim thresholds (see above); False where that is not possible."""
    found = libc()
    if found is None:
        return False
    mapped = found.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    trimmed = found.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    return bool(mapped and trimmed)  # mallopt returns 1 on success


def use_system_allocator_for_arrow() -> None:
    """Let pyarrow allocate with malloc from now on (see above); what it holds already stays
    in its old pool until freed."""
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
