"""glibc's allocator, set once per server process: two arenas, and free pages handed back.

Views are built and evicted by several threads (each session's script thread, the prefetch,
the server's own pools), and glibc gives every thread that allocates at once an arena of its
own (up to 8 per core) and keeps what is freed in each: the server's memory then creeps up by
the largest mix of views and runs it ever held, although the view cache is bounded. Two arenas
are enough where the GIL serialises allocation. glibc fixes its limit once it has more than
eight arenas, so the limit must be set before the server starts its threads: app.py sets it
when the server imports it (measured: set at the first snapshot load instead, the server had
15 arenas and grew twice as fast in a soak). ``malloc_trim`` returns free pages after a rescan
of the view cache (pages/shared.py). No Python library wraps either call, hence ctypes;
elsewhere than glibc, both are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

M_ARENA_MAX = -8  # glibc's mallopt parameter number
ARENAS = 2


@functools.cache
def libc() -> ctypes.CDLL | None:
    """The C library, if it is glibc (it has ``mallopt`` and ``malloc_trim``)."""
    name = ctypes.util.find_library("c")  # runs ldconfig once: cached
    found = ctypes.CDLL(name) if name else None
    if found is None or not all(hasattr(found, f) for f in ("mallopt", "malloc_trim")):
        return None
    return found


@functools.cache
def limit_arenas() -> bool:
    """At most :data:`ARENAS` malloc arenas from now on (once per process); False where the
    C library is not glibc or refused."""
    found = libc()
    return found is not None and found.mallopt(M_ARENA_MAX, ARENAS) == 1


def release_free_memory() -> None:
    """Hand freed heap pages back to the operating system."""
    found = libc()
    if found is not None:
        found.malloc_trim(0)
