"""Ogg/Opus (RFC 7845) through the system's libopus: encode speech, write and read its headers."""

import ctypes
import ctypes.util
import struct
import threading

import numpy
import soxr

from reader.once import once
from reader.speech.audio import ogg

ENCODE_RATE = 24000  # Opus takes 8/12/16/24/48 kHz; 24 kHz keeps all of espeak-ng's 11 kHz band
GRANULE_RATE = 48000  # Ogg/Opus granules always count 48 kHz samples
# Packets of three 20 ms CELT frames: the same coding (13.0 dB SNR on the seed either way),
# a third of the calls into libopus and ~3 % less of a worker's time than 20 ms packets. A
# sentence then lasts a whole number of 60 ms, which its pause absorbs.
FRAME_MS = 60
FRAME_SAMPLES = ENCODE_RATE * FRAME_MS // 1000
FRAME_GRANULES = GRANULE_RATE * FRAME_MS // 1000
MAX_PACKET_BYTES = 1500
PAGE_PACKETS = 1000 // FRAME_MS  # about a second of audio per page: fine-grained for seeking
# A frame of digital silence still runs through the encoder after the last sound, so its
# lookahead (2.5 ms) and overlap drain before the stored silence packets take over.
TAIL_FRAMES = 1

# libopus constants (opus_defines.h).
_APPLICATION_RESTRICTED_LOWDELAY = 2051
_SET_BITRATE, _SET_COMPLEXITY, _GET_LOOKAHEAD, _RESET_STATE = 4002, 4010, 4027, 4028


class OpusUnavailable(RuntimeError):
    """libopus is not installed on this machine."""


@once
def _libopus():
    path = ctypes.util.find_library("opus")
    if path is None:
        raise OpusUnavailable("libopus is not installed (apt-get install libopus0)")
    lib = ctypes.CDLL(path)
    lib.opus_encoder_create.restype = ctypes.c_void_p
    lib.opus_encoder_create.argtypes = [
        ctypes.c_int32,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
    ]
    lib.opus_encoder_destroy.argtypes = [ctypes.c_void_p]
    # Variadic: the fixed arguments are typed (a pointer must not shrink to an int); the value
    # after the request is passed as an explicit ctypes object at each call.
    lib.opus_encoder_ctl.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.opus_encoder_ctl.restype = ctypes.c_int
    lib.opus_encode.restype = ctypes.c_int32
    lib.opus_encode.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,  # the frame's address inside the sentence's samples: no copy
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int32,
    ]
    lib.opus_get_version_string.restype = ctypes.c_char_p
    return lib


def is_available() -> bool:
    """Whether libopus can be loaded here."""
    try:
        _libopus()
    except (OpusUnavailable, OSError):
        return False
    return True


@once
def version() -> str:
    """libopus's own version string ("libopus 1.3.1")."""
    return _libopus().opus_get_version_string().decode()


class _Encoder:
    """One libopus encoder: CELT only, complexity 0, which is ~4x faster than SILK on speech."""

    def __init__(self, bitrate_kbps: int):
        self._lib = lib = _libopus()
        error = ctypes.c_int()
        # Restricted low delay is libopus's documented way to get CELT alone; at 32 kbit/s it
        # keeps espeak-ng's formant voice intact while encoding ~1200x faster than real time.
        self._state = lib.opus_encoder_create(
            ENCODE_RATE, 1, _APPLICATION_RESTRICTED_LOWDELAY, ctypes.byref(error)
        )
        if error.value != 0 or not self._state:
            raise RuntimeError(f"opus_encoder_create failed ({error.value})")
        lib.opus_encoder_ctl(self._state, _SET_BITRATE, ctypes.c_int32(bitrate_kbps * 1000))
        lib.opus_encoder_ctl(self._state, _SET_COMPLEXITY, ctypes.c_int32(0))

    def lookahead(self) -> int:
        samples = ctypes.c_int32()
        self._lib.opus_encoder_ctl(self._state, _GET_LOOKAHEAD, ctypes.byref(samples))
        return samples.value

    def encode(self, pcm: numpy.ndarray) -> list[bytes]:
        """Whole frames (FRAME_MS) of 24 kHz samples, contiguous int16, to Opus packets."""
        if pcm.dtype != numpy.int16 or not pcm.flags.c_contiguous or len(pcm) % FRAME_SAMPLES:
            raise ValueError("expected whole frames of contiguous 16-bit samples")
        out = ctypes.create_string_buffer(MAX_PACKET_BYTES)
        start = pcm.ctypes.data
        packets = []
        for frame in range(start, start + pcm.nbytes, FRAME_SAMPLES * 2):
            size = self._lib.opus_encode(self._state, frame, FRAME_SAMPLES, out, MAX_PACKET_BYTES)
            if size < 0:
                raise RuntimeError(f"opus_encode failed ({size})")
            packets.append(out[:size])
        return packets

    def reset(self) -> None:
        """Back to a new stream's state, settings kept: the next packet is a first packet."""
        self._lib.opus_encoder_ctl(self._state, _RESET_STATE)

    def close(self) -> None:
        if getattr(self, "_state", None):  # also from __del__ after a failed __init__
            self._lib.opus_encoder_destroy(self._state)
            self._state = None

    __del__ = close


# One encoder per thread and bit rate, reset for each sentence: creating one costs ~80 us,
# a reset ~2 us (2 ms of a worker's time per article).
_encoders = threading.local()


def _sentence_encoder(bitrate_kbps: int) -> _Encoder:
    by_bitrate = _encoders.__dict__.setdefault("by_bitrate", {})
    encoder = by_bitrate.get(bitrate_kbps)
    if encoder is None:
        encoder = by_bitrate[bitrate_kbps] = _Encoder(bitrate_kbps)
    else:
        encoder.reset()
    return encoder


@once
def pre_skip() -> int:
    """Samples (at 48 kHz) a decoder drops at the start: the encoder's lookahead."""
    encoder = _Encoder(32)
    try:
        return encoder.lookahead() * GRANULE_RATE // ENCODE_RATE
    finally:
        encoder.close()


@once
def silence_packet() -> bytes:
    """The packet libopus makes for a frame of digital silence: the decoder plays it as zeros
    whatever came before, so a run of it needs no encoding."""
    encoder = _Encoder(32)
    try:
        return encoder.encode(numpy.zeros(FRAME_SAMPLES, numpy.int16))[0]
    finally:
        encoder.close()


def encode_packets(pcm: bytes, sample_rate: int, bitrate_kbps: int) -> list[bytes]:
    """Mono 16-bit PCM to Opus packets; the tail is padded with silence to a whole frame.

    Trailing digital silence (the pause after each sentence: ~10 % of an article) becomes
    stored silence packets instead of going through the encoder.
    """
    frames = max(1, -(-len(pcm) // 2 * ENCODE_RATE // (sample_rate * FRAME_SAMPLES)))
    sound = numpy.frombuffer(pcm, dtype=numpy.int16, count=-(-_sounding_bytes(pcm) // 2))
    if len(sound) and sample_rate != ENCODE_RATE:
        sound = soxr.resample(sound, sample_rate, ENCODE_RATE)
    sound_frames = min(frames, -(-len(sound) // FRAME_SAMPLES) + TAIL_FRAMES) if len(sound) else 0
    padded = numpy.zeros(sound_frames * FRAME_SAMPLES, numpy.int16)
    padded[: min(len(sound), len(padded))] = sound[: len(padded)]
    packets = _sentence_encoder(bitrate_kbps).encode(padded) if sound_frames else []
    return packets + [silence_packet()] * (frames - sound_frames)


def _sounding_bytes(pcm: bytes, step: int = 8192) -> int:
    """Length of the PCM without its trailing zero bytes, looking only at its tail."""
    # bytes.rstrip is the fastest scan (5x numpy.flatnonzero), but it would copy the sentence.
    view = memoryview(pcm)
    end = len(pcm)
    while end > 0:
        start = max(0, end - step)
        tail = bytes(view[start:end]).rstrip(b"\0")
        if tail:
            return start + len(tail)
        end = start
    return 0


def head_packet(input_rate: int) -> bytes:
    """The OpusHead identification packet: mono, channel mapping family 0."""
    return b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip(), input_rate, 0, 0)


def check_head(packet: bytes) -> None:
    """ValueError unless this is a mono OpusHead packet."""
    if not packet.startswith(b"OpusHead") or len(packet) < 19:
        raise ValueError("not an OpusHead packet")
    if packet[9] != 1:
        raise ValueError("expected mono Opus")


def tags_packet(comments: dict[str, str]) -> bytes:
    """The OpusTags packet: a vendor string and Vorbis comments (KEY=value, UTF-8)."""
    vendor = f"reader ({version()})".encode()
    entries = [f"{key}={value}".encode() for key, value in comments.items()]
    body = struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", len(entries))
    return b"OpusTags" + body + b"".join(struct.pack("<I", len(e)) + e for e in entries)


def check_tags(packet: bytes) -> None:
    """ValueError unless this is an OpusTags packet whose comments all fit and are UTF-8."""
    if not packet.startswith(b"OpusTags"):
        raise ValueError("not an OpusTags packet")
    try:
        (vendor_length,) = struct.unpack_from("<I", packet, 8)
        offset = 12 + vendor_length
        (count,) = struct.unpack_from("<I", packet, offset)
        offset += 4
        for _ in range(count):
            (length,) = struct.unpack_from("<I", packet, offset)
            packet[offset + 4 : offset + 4 + length].decode()
            offset += 4 + length
    except struct.error as error:  # struct.error is not a ValueError
        raise ValueError(f"truncated OpusTags packet: {error}") from None
    if offset > len(packet):
        raise ValueError("truncated OpusTags packet")


def sentence_pages(packets: list[bytes], serial: int) -> bytes:
    """A one-sentence file's packets as pages of up to a second, after its headers."""
    pages = []
    for sequence, start in enumerate(range(0, len(packets), PAGE_PACKETS), start=2):
        chunk = packets[start : start + PAGE_PACKETS]
        granule = FRAME_GRANULES * (start + len(chunk))
        flags = ogg.LAST_PAGE if start + PAGE_PACKETS >= len(packets) else 0
        pages.append(ogg.page(chunk, granule, serial, sequence, flags))
    return b"".join(pages)


def header_pages(serial: int, input_rate: int, comments: dict[str, str]) -> bytes:
    """The two header pages every Ogg/Opus stream begins with."""
    return ogg.page([head_packet(input_rate)], 0, serial, 0, ogg.FIRST_PAGE) + ogg.page(
        [tags_packet(comments)], 0, serial, 1
    )
