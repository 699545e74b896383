"""Ogg pages (RFC 3533): write packets into pages, and read pages back with their CRC checked."""

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

CAPTURE = b"OggS"
CONTINUED, FIRST_PAGE, LAST_PAGE = 1, 2, 4
MAX_SEGMENTS = 255
_HEADER = struct.Struct("<4sBBqIIIB")  # capture, version, flags, granule, serial, sequence, crc
PAGE_HEADER_SIZE = _HEADER.size  # then the segment table, then the body
_BIT_REVERSED = bytes(int(f"{byte:08b}"[::-1], 2) for byte in range(256))


class OggError(ValueError):
    """The bytes are not a well-formed Ogg stream."""


@dataclass(frozen=True)
class Page:
    """One Ogg page: its flags, granule position, and the packet pieces it carries."""

    flags: int
    granule: int
    serial: int
    sequence: int
    segments: tuple[int, ...]
    body: bytes


def crc32(data: bytes) -> int:
    """Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, no inversion), at zlib's speed.

    zlib computes the reflected form; on bit-reversed bytes, starting from an all-zero register
    (zlib inverts its seed, hence 0xFFFFFFFF) and undoing its final inversion, the result is
    Ogg's CRC bit-reversed. A table-driven loop in Python would cost ~100x more per page.
    """
    register = ~zlib.crc32(data.translate(_BIT_REVERSED), 0xFFFFFFFF) & 0xFFFFFFFF
    return int(f"{register:032b}"[::-1], 2)


def lacing(length: int) -> list[int]:
    """The segment sizes that carry one packet of this length."""
    return [255] * (length // 255) + [length % 255]


def page(packets: list[bytes], granule: int, serial: int, sequence: int, flags: int = 0) -> bytes:
    """One page holding whole packets (at most 255 segments' worth), CRC included."""
    sizes = [len(packet) for packet in packets]
    if max(sizes, default=0) < 255:  # the usual case, one segment per packet
        segments = sizes
    else:
        segments = [size for length in sizes for size in lacing(length)]
    return write_page(segments, b"".join(packets), granule, serial, sequence, flags)


def write_page(
    segments: list[int] | tuple[int, ...],
    body: bytes,
    granule: int,
    serial: int,
    sequence: int,
    flags: int = 0,
) -> bytes:
    """One page from its segment table and body, CRC included."""
    if len(segments) > MAX_SEGMENTS:
        raise ValueError("too many segments for one Ogg page")
    header = _HEADER.pack(CAPTURE, 0, flags, granule, serial, sequence, 0, len(segments))
    unsigned = header + bytes(segments) + body
    checksum = struct.pack("<I", crc32(unsigned))
    return unsigned[:22] + checksum + unsigned[26:]


def read_pages(data: bytes) -> Iterator[Page]:
    """Every page in order; OggError on a bad capture pattern, truncation or CRC."""
    offset = 0
    while offset < len(data):
        if len(data) - offset < _HEADER.size:
            raise OggError("truncated Ogg page header")
        capture, version, flags, granule, serial, sequence, checksum, count = _HEADER.unpack_from(
            data, offset
        )
        if capture != CAPTURE or version != 0:
            raise OggError("not an Ogg page")
        segments = data[offset + _HEADER.size : offset + _HEADER.size + count]
        end = offset + _HEADER.size + count + sum(segments)
        if len(segments) < count or end > len(data):
            raise OggError("truncated Ogg page")
        raw = data[offset:end]
        if crc32(raw[:22] + b"\0\0\0\0" + raw[26:]) != checksum:
            raise OggError("Ogg page checksum mismatch")
        yield Page(flags, granule, serial, sequence, tuple(segments), raw[_HEADER.size + count :])
        offset = end
