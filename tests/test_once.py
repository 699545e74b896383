"""once: the first call for each arguments runs in one thread only, even when many arrive."""

import threading
import time

from reader.once import once


def test_concurrent_first_calls_build_the_value_once():
    calls = []

    @once
    def slow_engine(name):
        calls.append(name)
        time.sleep(0.05)  # long enough for every thread to arrive while it is being built
        return object()

    start = threading.Barrier(16)
    seen = []

    def reader():
        start.wait()
        seen.append(slow_engine("espeak"))

    threads = [threading.Thread(target=reader) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["espeak"] and len({id(value) for value in seen}) == 1
    assert slow_engine("other") is not seen[0] and calls == ["espeak", "other"]


def test_a_failed_first_call_is_tried_again():
    attempts = []

    @once
    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return "ready"

    try:
        flaky()
    except OSError:
        pass
    assert flaky() == "ready" and flaky() == "ready" and len(attempts) == 2
