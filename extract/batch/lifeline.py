"""Worker processes that end when the process that started them ends.

A pool worker that outlives its parent keeps its memory (a Kiwi model: hundreds of MB)
and its CPU forever, re-parented to init. :func:`follow_parent` is called first thing
in a worker (the pool's initializer): on Linux the kernel sends it SIGTERM when the
parent dies (``prctl(PR_SET_PDEATHSIG)``, which also covers SIGKILL of the parent); on
every system a daemon thread checks :func:`os.getppid` once a second and exits the
process when the parent has changed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["follow_parent"]

_PR_SET_PDEATHSIG = 1
_started = False


def _death_signal() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl here: the watchdog remains
        pass


def _watch(parent: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)  # no cleanup to do: the parent that wanted the results is gone


def follow_parent(*, interval: float = 1.0) -> None:
    """Make this process exit when its parent process dies (safe to call twice).

    Parameters
    ----------
    interval : float
        Seconds between two checks of the watchdog thread.

    Examples
    --------
    >>> from concurrent.futures import ProcessPoolExecutor
    >>> with ProcessPoolExecutor(1, initializer=follow_parent) as pool:  # doctest: +SKIP
    ...     pool.submit(len, "기준금리").result()
    4
    """
    global _started
    if _started:
        return
    _started = True
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        _death_signal()
    if os.getppid() != parent or parent == 1:  # the parent died before we could watch
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, interval), daemon=True).start()
