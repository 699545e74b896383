"""What an audio file says about itself: title, language, publisher, and the AI mark."""

import io
from dataclasses import dataclass

from mutagen.id3 import ID3, TIT2, TLAN, TPUB, TSSE, TXXX

AI_MARK = "AI_GENERATED"
"""The machine-readable mark that the audio is AI-made: a Vorbis comment or an ID3 TXXX."""


@dataclass(frozen=True)
class AudioTags:
    """What the file says about itself, including the machine-readable AI mark."""

    title: str
    language: str
    engine: str
    publisher: str = "reader"


def vorbis_comments(tags: AudioTags) -> dict[str, str]:
    """The Vorbis comments of an Ogg/Opus stream (OpusTags), the AI mark among them."""
    return {
        "TITLE": tags.title,
        "LANGUAGE": tags.language,
        "ORGANIZATION": tags.publisher,
        "ENCODER": tags.engine,
        AI_MARK: "true",
        "AI_GENERATOR": f"text-to-speech: {tags.engine}",
    }


def id3_tag(title: str, language: str, engine: str, publisher: str = "reader") -> bytes:
    """An ID3v2.4 tag: title, language, and a machine-readable mark that the audio is AI-made."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    tag.add(TLAN(encoding=3, text=language))
    tag.add(TPUB(encoding=3, text=publisher))
    tag.add(TSSE(encoding=3, text=engine))
    tag.add(TXXX(encoding=3, desc=AI_MARK, text="true"))
    tag.add(TXXX(encoding=3, desc="AI_GENERATOR", text=f"text-to-speech: {engine}"))
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=4, padding=lambda info: 0)
    return buffer.getvalue()
