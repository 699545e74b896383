"""An article's audio as a listener gets it: a cached file, or a render in progress."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.speech.render import STATUS_CUES, PlannedFile, Render, RenderRequest, render_status
from reader.speech.track import TrackFile, cue_json

# A streamed track goes out in pieces of about this size, not one write per cue.
_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class CachedAudio:
    """A whole article already rendered: its file and its timing track (read when asked)."""

    path: Path
    track: TrackFile


@dataclass(frozen=True)
class Playback:
    """An article's audio as asked: its cached file, or else its render (started or joined).

    `request`, the whole plan, is None when a cached file was found from a remembered plan
    (SpeechService.playback): what is served then needs only the `file`'s key and format.
    """

    file: PlannedFile
    request: RenderRequest | None = None
    cached: CachedAudio | None = None
    render: Render | None = None

    def status(self, first: int = 0) -> dict:
        """Progress for the player, with a page of the track from cue `first`; a cached file
        is complete."""
        if self.cached is None:
            return self.render.status(first)
        total, track = self.file.count, self.cached.track
        page = list(track.cues(first, STATUS_CUES))
        return render_status(total, total, [], page, True, first, track.count)

    def cues(self) -> Iterator[dict]:
        """Every cue of the track, one at a time (each waits for its utterance's render)."""
        return self.cached.track.cues() if self.cached is not None else self.render.cues()

    def track_json(self, article_id: int) -> Iterator[bytes]:
        """The timings answer, `{"article_id": …, "sentences": [cue, …]}`, streamed a cue at a
        time: a long article's track is never built whole."""
        if self.cached is not None:
            raw = self.cached.track.raw_cues()
        else:
            raw = (cue_json(cue) for cue in self.render.cues())
        chunk = bytearray(b'{"article_id":%d,"sentences":[' % article_id)
        for number, cue in enumerate(raw):
            chunk += b"," + cue if number else cue
            if len(chunk) >= _CHUNK_BYTES:
                yield bytes(chunk)
                chunk.clear()
        yield bytes(chunk + b"]}")
