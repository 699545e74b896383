"""The audio formats served, Ogg/Opus and MP3: one sentence at a time, joined as a stream."""

from collections.abc import Callable
from itertools import islice

from reader import config
from reader.speech.audio import mp3, ogg, opus
from reader.speech.audio.pcm import resample
from reader.speech.audio.tags import AudioTags, id3_tag, vorbis_comments
from reader.speech.engines.base import SAMPLE_RATE

MIN_BITRATE, MAX_BITRATE = config.MIN_BITRATE, config.MAX_BITRATE  # kbit/s
ID3_HEADER = 10


class StreamWriter:
    """Joins sentence audio into one file or stream; the same bytes either way."""

    def start(self) -> bytes:
        raise NotImplementedError

    def add(self, sentence: bytes, last: bool) -> bytes:
        raise NotImplementedError

    def finish(self) -> bytes:
        return b""


class AudioFormat:
    """One format: encode a sentence on its own, time it, check it, and join sentences."""

    name: str
    mimetype: str
    suffix: str
    layout: str
    """How sentences are cut into packets or frames: part of every sentence's cache key."""

    def is_available(self) -> bool:
        return True

    def encode(self, pcm: bytes, sample_rate: int, bitrate: int) -> bytes:
        raise NotImplementedError

    def duration(self, data: bytes) -> float:
        """Seconds this sentence adds to a joined stream."""
        raise NotImplementedError

    def is_valid(self, data: bytes) -> bool:
        raise NotImplementedError

    def writer(self, tags: AudioTags, serial: int) -> StreamWriter:
        raise NotImplementedError

    def head_length(self, data: bytes) -> int:
        """How many bytes of a joined file its writer's head takes (data: at least those)."""
        raise NotImplementedError


class Mp3Format(AudioFormat):
    """Constant-bit-rate MP3 frames after an ID3v2.4 tag; frames concatenate as they are."""

    name, mimetype, suffix = "mp3", "audio/mpeg", ".mp3"
    layout = "lame-cbr"

    def encode(self, pcm: bytes, sample_rate: int, bitrate: int) -> bytes:
        # One rate for every sentence: MP3 frames of two rates in one stream confuse players,
        # and an article may mix engines (espeak-ng's 22.05 kHz, Kokoro's 24 kHz).
        if sample_rate != SAMPLE_RATE and pcm:
            pcm = resample(pcm, sample_rate, SAMPLE_RATE)
        return mp3.encode_mp3(pcm, SAMPLE_RATE, bitrate)

    def duration(self, data: bytes) -> float:
        return mp3.mp3_duration(data)

    def is_valid(self, data: bytes) -> bool:
        return mp3.is_valid_mp3(data)

    def writer(self, tags: AudioTags, serial: int) -> StreamWriter:
        return _Mp3Writer(tags)

    def head_length(self, data: bytes) -> int:
        # The ID3v2 tag: a 10-byte header whose size is "syncsafe" (7 bits per byte).
        if data[:3] != b"ID3" or len(data) < ID3_HEADER:
            return 0
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | (byte & 0x7F)
        return ID3_HEADER + size


class _Mp3Writer(StreamWriter):
    def __init__(self, tags: AudioTags):
        self.tags = tags

    def start(self) -> bytes:
        tags = self.tags
        return id3_tag(tags.title, tags.language, tags.engine, chapters=tags.chapters)

    def add(self, sentence: bytes, last: bool) -> bytes:
        return sentence


class OpusFormat(AudioFormat):
    """Ogg/Opus: each sentence a small Ogg/Opus file; the stream re-pages their packets."""

    name, mimetype, suffix = "opus", "audio/ogg", ".opus"
    layout = f"celt-{opus.FRAME_MS}ms"
    SENTENCE_SERIAL = 0x52454144  # "READ": any serial will do inside a one-sentence file

    def is_available(self) -> bool:
        return opus.is_available()

    def encode(self, pcm: bytes, sample_rate: int, bitrate: int) -> bytes:
        packets = opus.encode_packets(pcm, sample_rate, bitrate)
        head = opus.header_pages(self.SENTENCE_SERIAL, sample_rate, {})
        return head + opus.sentence_pages(packets, self.SENTENCE_SERIAL)

    def duration(self, data: bytes) -> float:
        # Every sample of every packet: the next sentence starts right after them, and the
        # decoder's pre-skip at the start of the stream cancels each encoder's own delay.
        return _audio_pages(data)[-1].granule / opus.GRANULE_RATE

    def is_valid(self, data: bytes) -> bool:
        try:
            return _audio_pages(data)[-1].granule > 0
        except ValueError:  # OggError is a ValueError
            return False

    def writer(self, tags: AudioTags, serial: int) -> StreamWriter:
        return _OpusWriter(tags, serial)

    def head_length(self, data: bytes) -> int:
        # The two header pages, OpusHead and OpusTags.
        pages = ogg.read_pages(data)
        return sum(ogg.PAGE_HEADER_SIZE + len(p.segments) + len(p.body) for p in islice(pages, 2))


class _OpusWriter(StreamWriter):
    def __init__(self, tags: AudioTags, serial: int):
        self.tags = tags
        self.serial = serial
        self.granule = 0
        self.sequence = 2  # after the two header pages
        self.ended = False

    def start(self) -> bytes:
        return opus.header_pages(self.serial, SAMPLE_RATE, vorbis_comments(self.tags))

    def add(self, sentence: bytes, last: bool) -> bytes:
        # The sentence's own pages, moved to this place in the stream: cheap (a CRC per page),
        # so joining stays far off the workers' critical path.
        pages = _audio_pages(sentence)
        out = []
        for index, page in enumerate(pages):
            final = last and index == len(pages) - 1
            out.append(
                ogg.write_page(
                    page.segments,
                    page.body,
                    self.granule + page.granule,
                    self.serial,
                    self.sequence,
                    ogg.LAST_PAGE if final else 0,
                )
            )
            self.sequence += 1
        self.granule += pages[-1].granule
        self.ended = last
        return b"".join(out)

    def finish(self) -> bytes:
        if self.ended:
            return b""
        # The last sentence failed: an empty page still tells players the stream is over.
        return ogg.page([], self.granule, self.serial, self.sequence, ogg.LAST_PAGE)


def _audio_pages(data: bytes) -> list[ogg.Page]:
    """The audio pages of an Ogg/Opus file, after checking every CRC and both headers."""
    pages = list(ogg.read_pages(data))
    if len(pages) < 3:
        raise ValueError("no audio in the Opus file")
    opus.check_head(pages[0].body)
    opus.check_tags(pages[1].body)
    if pages[-1].granule <= 0 or any(page.segments[-1:] == (255,) for page in pages[2:]):
        raise ValueError("the Opus file does not end on whole packets")
    return pages[2:]


FORMATS: dict[str, AudioFormat] = {"opus": OpusFormat(), "mp3": Mp3Format()}
DEFAULT_BITRATES = {"opus": config.DEFAULT_OPUS_BITRATE, "mp3": config.DEFAULT_MP3_BITRATE}


def get_format(name: str) -> AudioFormat:
    """The format by name; KeyError when unknown."""
    return FORMATS[name]


def cache_validators() -> dict[str, Callable[[bytes], bool]]:
    """For AudioCache: each format's file suffix and the check its data must pass."""
    return {audio_format.suffix: audio_format.is_valid for audio_format in FORMATS.values()}
