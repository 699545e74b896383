"""Process-wide values built on first use by one thread only: a thread-safe functools.cache."""

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def once(function: Callable[..., T]) -> Callable[..., T]:
    """Cache the function's result per arguments; concurrent first calls build it once.

    functools.cache lets two threads that arrive together both run the first call. For a pure
    value that only wastes work, but for an object that wraps a C library with process-wide
    state (a speech engine, an encoder library, a detector's model) two of them built at once
    corrupt each other. Later calls read the result without taking the lock.
    """
    results: dict = {}
    # Reentrant: building one value may need another built by the same function.
    lock = threading.RLock()

    @functools.wraps(function)
    def cached(*args):
        try:
            return results[args]
        except KeyError:
            pass
        with lock:
            if args not in results:
                results[args] = function(*args)
            return results[args]

    def cache_clear() -> None:
        with lock:
            results.clear()

    cached.cache_clear = cache_clear
    return cached
