"""The C heap: a worker keeps its freed sentence buffers; a server gives a big render's back."""

import ctypes
import ctypes.util

# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

# Every sentence allocates a dozen buffers of a few hundred kilobytes (PCM, WAV, resampled
# audio, packets). By default glibc maps each one above 128 kB afresh and trims the heap's top
# on free, so every sentence page-faults and zeroes its memory again: ~4 % of a worker's time.
# With these, the buffers are reused from the heap; a worker keeps at most this much idle.
MMAP_THRESHOLD_BYTES = 16 * 1024 * 1024
TRIM_THRESHOLD_BYTES = 64 * 1024 * 1024


def keep_freed_memory() -> bool:
    """Tune glibc's allocator for this process; False where the C library is not glibc."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it; musl's mallopt is a no-op
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
        and mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
    )


def give_back_freed_memory() -> bool:
    """Return the heap's free pages to the kernel (glibc's malloc_trim); False elsewhere.

    A finished render frees thousands of small sentence buffers at once; glibc keeps such
    memory for reuse, so without this a server's size stays at its largest render's.
    """
    name = ctypes.util.find_library("c")
    try:
        malloc_trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError, TypeError):
        return False
    malloc_trim.argtypes = [ctypes.c_size_t]
    return bool(malloc_trim(0))
