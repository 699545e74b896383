"""A worker's heap keeps sentence-sized buffers instead of mapping each one afresh."""

import json
import subprocess
import sys

import pytest

# Runs in its own interpreter: the test must see glibc's defaults before the tuning, and the
# tuning must not leak into the test process.
PROBE = """
import ctypes, json
from reader.speech.heap import keep_freed_memory

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd",
        "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2

def sentence_buffer():
    before = libc.mallinfo2()
    buffer = bytearray(3 * 1024 * 1024)  # about a 70 s sentence of 22 kHz PCM
    during = libc.mallinfo2()
    del buffer
    after = libc.mallinfo2()
    return {"mapped": during.hblks - before.hblks, "free_in_heap": after.fordblks}

default = sentence_buffer()
tuned = keep_freed_memory()
print(json.dumps({"tuned": tuned, "default": default, "after": sentence_buffer()}))
"""


def probe() -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_sentence_buffers_come_from_the_heap_and_stay_there():
    result = probe()
    if not result["tuned"]:
        pytest.skip("the C library here is not glibc")
    # By default a buffer this size is its own mapping, returned to the kernel when freed.
    assert result["default"]["mapped"] == 1
    # Tuned, it comes from the heap, and the heap keeps the memory for the next sentence.
    assert result["after"]["mapped"] == 0
    assert result["after"]["free_in_heap"] >= 3 * 1024 * 1024
