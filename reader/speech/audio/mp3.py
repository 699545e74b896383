"""MP3: PCM to constant-bit-rate MP3 frames with lameenc, and frame-exact timing."""

import struct

import lameenc

# MPEG audio frame header tables (MPEG-1, -2, -2.5 Layer III), to time concatenated MP3 exactly.
_BITRATES = {
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def encode_mp3(pcm: bytes, sample_rate: int, bitrate: int) -> bytes:
    """Mono 16-bit PCM to constant-bit-rate MP3 frames (no tag, no Xing header)."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(7)  # speech at 48 kbit/s sounds the same; 3x faster than quality 2
    return bytes(encoder.encode(pcm) + encoder.flush())


def mp3_duration(data: bytes) -> float:
    """Seconds of audio in a run of MP3 frames, counted frame by frame."""
    seconds, offset = 0.0, _skip_id3(data)
    while offset + 4 <= len(data):
        frame = _frame_info(data, offset)
        if frame is None:
            offset += 1  # resynchronise on junk
            continue
        length, samples, rate = frame
        seconds += samples / rate
        offset += length
    return seconds


def is_valid_mp3(data: bytes) -> bool:
    """At least one whole MPEG audio frame."""
    offset = _skip_id3(data)
    frame = _frame_info(data, offset) if len(data) >= offset + 4 else None
    return frame is not None and frame[0] <= len(data) - offset


def _skip_id3(data: bytes) -> int:
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = data[6:10]
    return 10 + ((size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3])


def _frame_info(data: bytes, offset: int) -> tuple[int, int, int] | None:
    (header,) = struct.unpack_from(">I", data, offset)
    if header >> 21 != 0x7FF:
        return None
    version = (header >> 19) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    layer = (header >> 17) & 3
    bitrate_index = (header >> 12) & 15
    rate_index = (header >> 10) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None  # not Layer III, or a free/bad bit rate
    bitrate = _BITRATES[3 if version == 3 else 2][bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    samples = 1152 if version == 3 else 576
    padding = (header >> 9) & 1
    length = (samples // 8) * bitrate // rate + padding
    return length, samples, rate
