"""An article's timing track on disk: JSON Lines, a head then one cue a line, read lazily.

A long article's track holds a million words. Parsed whole it was ~300 MB of Python objects at
every status poll and timings GET, memory the server then kept. Here the head line says how many
cues and seconds there are, so a duration reads one line, a page of cues parses only its own
lines, and the whole track is streamed as it lies on disk.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

TRACK_SUFFIX = ".timings.jsonl"


def track_lines(cues: Iterable[dict], count: int, seconds: float) -> Iterator[bytes]:
    """The track's lines, made one cue at a time: the head, then each cue."""
    yield cue_json({"cues": count, "seconds": round(seconds, 3)}) + b"\n"
    for cue in cues:
        yield cue_json(cue) + b"\n"


def cue_json(cue: dict) -> bytes:
    """A cue as compact JSON, as the track file holds it and the timings answer sends it."""
    return json.dumps(cue, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class TrackFile:
    """A track in the cache: its head read at once, its cues read when asked."""

    path: Path
    count: int
    seconds: float

    @classmethod
    def open(cls, path: Path) -> "TrackFile":
        """The track at `path`; OSError or ValueError when it is unreadable or not a track."""
        with path.open("rb") as file:
            head = json.loads(file.readline())
        return cls(path, int(head["cues"]), float(head["seconds"]))

    def raw_cues(self, first: int = 0, count: int | None = None) -> Iterator[bytes]:
        """The JSON of cues [first, first + count), without parsing them."""
        with self.path.open("rb") as file:
            file.readline()  # the head
            stop = None if count is None else first + count
            for line in islice(file, first, stop):
                yield line.rstrip(b"\n")

    def cues(self, first: int = 0, count: int | None = None) -> Iterator[dict]:
        """Cues [first, first + count), parsed one at a time."""
        for line in self.raw_cues(first, count):
            yield json.loads(line)
