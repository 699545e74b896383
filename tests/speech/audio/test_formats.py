"""Ogg/Opus and MP3: each sentence on its own, then joined into one stream, read back."""

import threading

import numpy
import pytest
from mutagen.id3 import ID3
from mutagen.oggopus import OggOpus

from reader.speech.audio import ogg, opus
from reader.speech.audio.formats import DEFAULT_BITRATES, get_format
from reader.speech.audio.pcm import silence
from reader.speech.audio.tags import AudioTags
from tests.speech.audio_check import decode_opus, dominant_hz, read_packets, seconds, tone

TAGS = AudioTags("Premières pertes à Kyiv", "fr", "pyttsx3-2.99+espeak-ng-1.51")


def join(audio_format, sentences: list[bytes], serial: int = 7) -> bytes:
    writer = audio_format.writer(TAGS, serial)
    last = len(sentences) - 1
    parts = [writer.start(), *(writer.add(s, i == last) for i, s in enumerate(sentences))]
    return b"".join(parts) + writer.finish()


def test_ogg_crc_is_the_one_ogg_uses():
    # CRC-32 with polynomial 0x04C11DB7, no reflection, zero start, no final xor.
    assert ogg.crc32(b"123456789") == 0x89A1897F


def test_ogg_pages_round_trip_and_refuse_damage():
    page = ogg.page([b"a" * 300, b"b" * 10], granule=960, serial=5, sequence=2)
    (read,) = ogg.read_pages(page)
    assert (read.granule, read.serial, read.sequence) == (960, 5, 2)
    assert read.segments == (255, 45, 10) and read.body == b"a" * 300 + b"b" * 10
    damaged = page[:-1] + bytes([page[-1] ^ 1])
    with pytest.raises(ogg.OggError):
        list(ogg.read_pages(damaged))
    with pytest.raises(ogg.OggError):
        list(ogg.read_pages(page[:-3]))


@pytest.mark.parametrize(
    ("pcm", "sounding"),
    [
        (b"", 0),
        (bytes(40000), 0),
        (b"\x01\x00" + bytes(40000), 1),  # the sound's low byte ends it; its sample is whole
        (bytes(30000) + b"\x00\x02" + bytes(20000), 30002),  # across the scan's 8 kB steps
        (b"\x03\x04" * 10, 20),
    ],
    ids=["empty", "all-silence", "first-sample", "mid-tail", "no-silence"],
)
def test_trailing_silence_is_found_from_the_tail(pcm, sounding):
    assert opus._sounding_bytes(pcm) == len(pcm.rstrip(b"\0")) == sounding


def test_a_reused_encoder_makes_the_packets_a_new_one_makes():
    opus.encode_packets(tone(880, 900), 22050, 24)  # leaves this thread's encoder mid-speech
    reused = opus.encode_packets(tone(440, 700), 22050, 24)
    fresh = []  # another thread has an encoder of its own, new
    thread = threading.Thread(
        target=lambda: fresh.append(opus.encode_packets(tone(440, 700), 22050, 24))
    )
    thread.start()
    thread.join()
    assert reused == fresh[0]


def test_opus_sentence_is_a_valid_ogg_opus_file(tmp_path):
    opus_format = get_format("opus")
    data = opus_format.encode(tone(440, 1000), 22050, 24)
    assert opus_format.is_valid(data)
    # Whole packets: the sentence rounds up to the next one.
    assert 1.0 <= opus_format.duration(data) < 1.0 + opus.FRAME_MS / 1000
    assert seconds(data, tmp_path) == pytest.approx(1.0, abs=0.03)  # mutagen agrees
    assert len(data) * 8 / opus_format.duration(data) <= 64_000
    decoded = decode_opus(data)
    assert dominant_hz(decoded[4800:40000]) == pytest.approx(440, abs=5)


def test_trailing_silence_is_stored_silence_packets_that_decode_to_zeros():
    opus_format = get_format("opus")
    data = opus_format.encode(tone(440, 500) + silence(1000, 22050), 22050, 24)
    packets = read_packets(data)[2:]
    assert len(packets) == 1500 // opus.FRAME_MS  # 1.5 s in whole packets
    silent = 900 // opus.FRAME_MS  # of the second of silence, all but the encoder's tail
    assert packets[-silent:] == [opus.silence_packet()] * silent
    assert not decode_opus(data)[-40000:].any()


@pytest.mark.parametrize("bad", [b"", b"OggS" + b"\0" * 40, b"not audio at all"])
def test_invalid_opus_is_refused(bad):
    assert not get_format("opus").is_valid(bad)


def test_a_corrupted_byte_makes_the_opus_file_invalid():
    data = bytearray(get_format("opus").encode(tone(440, 500), 22050, 24))
    data[len(data) // 2] ^= 0xFF
    assert not get_format("opus").is_valid(bytes(data))


def test_joined_stream_puts_each_sentence_where_the_timings_say(tmp_path):
    opus_format = get_format("opus")
    pitches = [330, 660, 990]
    sentences = [
        opus_format.encode(tone(hz, 700 + 150 * i) + silence(300, 22050), 22050, 24)
        for i, hz in enumerate(pitches)
    ]
    stream = join(opus_format, sentences)
    starts = numpy.cumsum([0] + [opus_format.duration(s) for s in sentences])
    decoded = decode_opus(stream)
    for hz, start in zip(pitches, starts, strict=False):
        window = decoded[int((start + 0.1) * 48000) : int((start + 0.6) * 48000)]
        assert dominant_hz(window) == pytest.approx(hz, abs=5)
    assert len(decoded) / 48000 == pytest.approx(starts[-1], abs=0.01)
    pages = list(ogg.read_pages(stream))
    assert [p.sequence for p in pages] == list(range(len(pages)))
    assert [p.flags & ogg.LAST_PAGE for p in pages].count(ogg.LAST_PAGE) == 1
    assert pages[-1].flags & ogg.LAST_PAGE
    assert [p.granule for p in pages] == sorted(p.granule for p in pages)
    assert seconds(stream, tmp_path) == pytest.approx(starts[-1], abs=0.01)


def test_opus_stream_carries_title_language_and_the_ai_mark(tmp_path):
    path = tmp_path / "article.opus"
    path.write_bytes(
        join(get_format("opus"), [get_format("opus").encode(tone(440, 300), 22050, 24)])
    )
    tags = OggOpus(path).tags
    assert tags["TITLE"] == [TAGS.title]
    assert tags["LANGUAGE"] == ["fr"]
    assert tags["AI_GENERATED"] == ["true"]
    assert tags["AI_GENERATOR"] == [f"text-to-speech: {TAGS.engine}"]


def test_a_failed_last_sentence_still_ends_the_opus_stream(tmp_path):
    opus_format = get_format("opus")
    writer = opus_format.writer(TAGS, 9)
    data = writer.start() + writer.add(opus_format.encode(tone(440, 300), 22050, 24), last=False)
    data += writer.finish()
    assert list(ogg.read_pages(data))[-1].flags & ogg.LAST_PAGE
    assert opus_format.is_valid(data)
    assert seconds(data, tmp_path) > 0.25


def test_mp3_duration_is_counted_frame_by_frame():
    mp3 = get_format("mp3")
    one = mp3.encode(silence(1000, 22050), 22050, 48)
    assert 1.0 <= mp3.duration(one) <= 1.1
    assert abs(mp3.duration(one + one) - 2 * mp3.duration(one)) < 1e-9
    assert len(one) * 8 / mp3.duration(one) <= 64_000


def test_mp3_stream_has_an_id3_tag_with_the_ai_mark(tmp_path):
    mp3 = get_format("mp3")
    path = tmp_path / "a.mp3"
    path.write_bytes(join(mp3, [mp3.encode(tone(440, 500), 22050, 48)]))
    tag = ID3(path)
    assert tag["TIT2"].text == [TAGS.title]
    assert tag["TLAN"].text == ["fr"]
    assert tag["TXXX:AI_GENERATED"].text == ["true"]
    assert mp3.is_valid(path.read_bytes())


def test_default_bit_rates_are_at_most_64_kbit():
    assert all(bitrate <= 64 for bitrate in DEFAULT_BITRATES.values())


def test_a_truncated_tags_packet_is_invalid_not_a_crash():
    opus_format = get_format("opus")
    good = opus_format.encode(tone(440, 300), 22050, 24)
    pages = list(ogg.read_pages(good))
    tags = opus.tags_packet({"TITLE": "Titre"})[:20]  # ends inside the vendor string
    rebuilt = (
        ogg.page([pages[0].body], 0, 1, 0, ogg.FIRST_PAGE)
        + ogg.page([tags], 0, 1, 1)
        + b"".join(
            ogg.write_page(p.segments, p.body, p.granule, 1, p.sequence, p.flags) for p in pages[2:]
        )
    )
    assert not opus_format.is_valid(rebuilt)


def test_the_default_bit_rates_are_the_settings_defaults():
    from reader.config import SETTINGS

    defaults = {s.name: s.default for s in SETTINGS}
    assert DEFAULT_BITRATES == {"opus": defaults["OPUS_BITRATE"], "mp3": defaults["MP3_BITRATE"]}


@pytest.mark.parametrize("name", ["mp3", "opus"])
def test_kokoros_24_khz_and_espeaks_22_khz_join_in_one_stream(tmp_path, name):
    # An article may mix engines: espeak-ng's 22.05 kHz sentences and Kokoro's 24 kHz ones.
    audio_format = get_format(name)
    if not audio_format.is_available():
        pytest.skip(f"{name} cannot be made here")
    bitrate = DEFAULT_BITRATES[name]
    espeak = audio_format.encode(tone(440, 1000, 22050), 22050, bitrate)
    kokoro = audio_format.encode(tone(440, 1000, 24000), 24000, bitrate)
    assert audio_format.duration(kokoro) == pytest.approx(1.0, abs=0.08)
    joined = join(audio_format, [espeak, kokoro])
    assert seconds(joined, tmp_path) == pytest.approx(2.0, abs=0.15)
    if name == "mp3":  # one sample rate in every frame: what players expect
        assert mp3_rates(joined) == {22050}


def mp3_rates(data: bytes) -> set[int]:
    from reader.speech.audio.mp3 import _frame_info, _skip_id3

    rates, offset = set(), _skip_id3(data)
    while offset + 4 <= len(data):
        frame = _frame_info(data, offset)
        if frame is None:
            offset += 1
            continue
        rates.add(frame[2])
        offset += frame[0]
    return rates
