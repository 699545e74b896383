"""What an audio file says about itself: title, language, publisher, chapters, and the AI mark."""

import io
from dataclasses import dataclass

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, TLAN, TPUB, TSSE, TXXX, CTOCFlags

MAX_CHAPTERS = 99  # CHAPTERxx has two digits; the Opus tags must also fit in one Ogg page
MAX_CHAPTER_NAME = 200
NO_OFFSET = 0xFFFFFFFF  # ID3 CHAP: "the byte offset is not given", the times are what count

AI_MARK = "AI_GENERATED"
"""The machine-readable mark that the audio is AI-made: a Vorbis comment or an ID3 TXXX."""


@dataclass(frozen=True)
class Chapter:
    """A section of the audio: where it starts and ends, in seconds, and its heading."""

    start: float
    end: float
    title: str


@dataclass(frozen=True)
class AudioTags:
    """What the file says about itself, including the machine-readable AI mark."""

    title: str
    language: str
    engine: str
    publisher: str = "reader"
    chapters: tuple[Chapter, ...] = ()
    """Known once the whole article is rendered: only its assembled file has them."""


def vorbis_comments(tags: AudioTags) -> dict[str, str]:
    """The Vorbis comments of an Ogg/Opus stream (OpusTags), the AI mark among them."""
    return {
        "TITLE": tags.title,
        "LANGUAGE": tags.language,
        "ORGANIZATION": tags.publisher,
        "ENCODER": tags.engine,
        AI_MARK: "true",
        "AI_GENERATOR": f"text-to-speech: {tags.engine}",
        **chapter_comments(tags.chapters),
    }


def chapter_comments(chapters: tuple[Chapter, ...]) -> dict[str, str]:
    """Vorbis chapter comments: CHAPTER01=HH:MM:SS.mmm and CHAPTER01NAME=heading."""
    comments = {}
    for number, chapter in enumerate(chapters[:MAX_CHAPTERS], start=1):
        comments[f"CHAPTER{number:02d}"] = clock_time(chapter.start)
        comments[f"CHAPTER{number:02d}NAME"] = chapter.title[:MAX_CHAPTER_NAME]
    return comments


def clock_time(seconds: float) -> str:
    """HH:MM:SS.mmm, as Vorbis chapter comments write a time."""
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _add_chapter_frames(tag: ID3, chapters: tuple[Chapter, ...]) -> None:
    # A table of contents (CTOC) listing one CHAP frame per section, each titled by TIT2.
    ids = [f"chp{number}" for number in range(len(chapters[:MAX_CHAPTERS]))]
    tag.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text="Chapters")],
        )
    )
    for element_id, chapter in zip(ids, chapters, strict=False):
        tag.add(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                start_offset=NO_OFFSET,
                end_offset=NO_OFFSET,
                sub_frames=[TIT2(encoding=3, text=chapter.title[:MAX_CHAPTER_NAME])],
            )
        )


def id3_tag(
    title: str,
    language: str,
    engine: str,
    publisher: str = "reader",
    chapters: tuple[Chapter, ...] = (),
) -> bytes:
    """An ID3v2.4 tag: title, language, chapters, and a machine-readable mark of AI audio."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    tag.add(TLAN(encoding=3, text=language))
    tag.add(TPUB(encoding=3, text=publisher))
    tag.add(TSSE(encoding=3, text=engine))
    tag.add(TXXX(encoding=3, desc=AI_MARK, text="true"))
    tag.add(TXXX(encoding=3, desc="AI_GENERATOR", text=f"text-to-speech: {engine}"))
    if chapters:
        _add_chapter_frames(tag, chapters)
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=4, padding=lambda info: 0)
    return buffer.getvalue()
