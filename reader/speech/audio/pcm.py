"""PCM helpers: mono 16-bit samples, such as the silence of a pause."""


def silence(milliseconds: int, sample_rate: int) -> bytes:
    """PCM silence of the given length."""
    return b"\x00\x00" * (sample_rate * milliseconds // 1000)
