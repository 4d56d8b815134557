"""A hard timeout for tests of hostile input: a hang fails the test instead of stalling the suite.

The bounds are generous (seconds where the work takes milliseconds): they are not timings, only
the line past which "slow" can only mean "stuck". SIGALRM, so main thread and POSIX only.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager


class Hang(BaseException):
    """Raised by hard_timeout. A BaseException, so that the `except Exception` a pipeline keeps
    around a reader (to carry on with the next file) cannot swallow it."""


@contextmanager
def hard_timeout(seconds: float, what: str):
    def expire(_signum, _frame):
        raise Hang(f"{what} did not finish within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
