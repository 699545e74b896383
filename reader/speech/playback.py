"""An article's audio as a listener gets it: a cached file, or a render in progress."""

from dataclasses import dataclass
from pathlib import Path

from reader.speech.render import Render, RenderRequest, render_status


@dataclass(frozen=True)
class CachedAudio:
    """A whole article already rendered: its file and its timing track."""

    path: Path
    timings: list[dict]


@dataclass(frozen=True)
class Playback:
    """An article's audio as asked: its cached file, or else its render (started or joined)."""

    request: RenderRequest
    cached: CachedAudio | None = None
    render: Render | None = None

    def status(self) -> dict:
        """Progress for the player; a cached file is complete."""
        if self.cached is not None:
            total = len(self.request.keys)
            return render_status(total, total, [], self.cached.timings, cached=True)
        return self.render.status()

    def timings(self) -> list[dict]:
        """Start and end of every utterance (waits for a render to finish)."""
        return self.cached.timings if self.cached is not None else self.render.timings()
