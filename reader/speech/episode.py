"""An article's audio as a podcast episode: its cached file with chapters at the headings.

The file the player streams and the one kept in the cache are the same bytes; a download (and
a podcast app's) gets that file with a new head carrying the chapters, which are known only
once every sentence is timed. Only the head changes, so the episode costs one tag to make.
"""

from dataclasses import replace

from reader.speech.chapters import chapters_from_timings
from reader.speech.playback import CachedAudio
from reader.speech.render import RenderRequest

# The head of a joined file (an ID3 tag, or two Ogg pages) fits in this many bytes.
HEAD_READ_BYTES = 1 << 17


def _heads(request: RenderRequest, cached: CachedAudio) -> tuple[bytes, int]:
    """The episode's head, and how many bytes of the cached file's head it replaces."""
    audio_format = request.format
    with cached.path.open("rb") as file:
        old_length = audio_format.head_length(file.read(HEAD_READ_BYTES))
    chapters = chapters_from_timings(request.title, cached.track.cues())
    tags = replace(request.tags(), chapters=chapters)
    return audio_format.writer(tags, request.serial).start(), old_length


def episode_bytes(request: RenderRequest, cached: CachedAudio) -> bytes:
    """The whole episode file."""
    head, old_length = _heads(request, cached)
    with cached.path.open("rb") as file:
        file.seek(old_length)
        return head + file.read()


def episode_size(request: RenderRequest, cached: CachedAudio) -> int:
    """The episode file's length in bytes, without reading the audio (for a feed's enclosure)."""
    head, old_length = _heads(request, cached)
    return len(head) + cached.path.stat().st_size - old_length
