"""PCM helpers: mono 16-bit samples, such as the silence of a pause."""


def silence(milliseconds: int, sample_rate: int) -> bytes:
    """PCM silence of the given length."""
    return b"\x00\x00" * (sample_rate * milliseconds // 1000)


def resample(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """The same mono 16-bit sound at another sample rate."""
    import numpy
    import soxr

    samples = numpy.frombuffer(pcm, dtype=numpy.int16)
    return soxr.resample(samples, from_rate, to_rate).astype(numpy.int16).tobytes()
