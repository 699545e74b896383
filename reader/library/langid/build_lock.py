"""The lock under which the detectors' models are built and looked up, shared by both detectors."""

from __future__ import annotations

import threading

# functools.cache alone would let two threads build the same model at once, paying its time and
# memory twice; under the lock the second waits and then finds it cached.
build_lock = threading.Lock()
