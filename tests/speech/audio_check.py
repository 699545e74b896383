"""Test helpers that read our audio back independently: Ogg packets, libopus decoding, timing."""

import ctypes
import ctypes.util

import numpy
from mutagen.mp3 import MP3
from mutagen.oggopus import OggOpus

from reader.speech.audio import ogg

DECODE_RATE = 48000


def read_packets(data: bytes) -> list[bytes]:
    """The packets of a single-stream Ogg file, joined across page boundaries."""
    packets, pending = [], b""
    for page in ogg.read_pages(data):
        position = 0
        for size in page.segments:
            pending += page.body[position : position + size]
            position += size
            if size < 255:
                packets.append(pending)
                pending = b""
    assert pending == b"", "the stream ends inside a packet"
    return packets


def decode_opus(data: bytes) -> numpy.ndarray:
    """Every decoded sample at 48 kHz, pre-skip removed, through libopus's own decoder."""
    lib = ctypes.CDLL(ctypes.util.find_library("opus"))
    lib.opus_decoder_create.restype = ctypes.c_void_p
    lib.opus_decoder_create.argtypes = [ctypes.c_int32, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.opus_decode.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int32,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_int,
    ]
    lib.opus_decoder_destroy.argtypes = [ctypes.c_void_p]
    error = ctypes.c_int()
    decoder = lib.opus_decoder_create(DECODE_RATE, 1, ctypes.byref(error))
    assert error.value == 0
    packets = read_packets(data)
    pre_skip = int.from_bytes(packets[0][10:12], "little")
    out = numpy.zeros(5760, numpy.int16)
    pieces = []
    for packet in packets[2:]:
        count = lib.opus_decode(decoder, packet, len(packet), out.ctypes.data, 5760, 0)
        assert count > 0, f"libopus refused a packet ({count})"
        pieces.append(out[:count].copy())
    lib.opus_decoder_destroy(decoder)
    return numpy.concatenate(pieces)[pre_skip:]


def seconds(data: bytes, tmp_path) -> float:
    """Playing time as mutagen reads it from the file (Ogg/Opus or MP3)."""
    path = tmp_path / "measured.audio"
    path.write_bytes(data)
    reader = OggOpus if data.startswith(b"OggS") else MP3
    return reader(path).info.length


def dominant_hz(samples: numpy.ndarray, rate: int = DECODE_RATE) -> float:
    """The strongest frequency in a stretch of audio."""
    spectrum = numpy.abs(numpy.fft.rfft(samples * numpy.hanning(len(samples))))
    return float(numpy.fft.rfftfreq(len(samples), 1 / rate)[numpy.argmax(spectrum)])


def tone(hz: float, milliseconds: int, rate: int = 22050, amplitude: int = 8000) -> bytes:
    """A sine tone as 16-bit mono PCM."""
    t = numpy.arange(rate * milliseconds // 1000) / rate
    return (amplitude * numpy.sin(2 * numpy.pi * hz * t)).astype(numpy.int16).tobytes()
