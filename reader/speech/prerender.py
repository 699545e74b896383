"""Pre-rendering: an article's audio made ahead of its first listener, through the job backend."""

import logging

from reader.speech.claims import JobsUnavailable
from reader.speech.engines.base import EngineUnavailable
from reader.speech.settings import SpeechRequestError, VoiceUnavailable

log = logging.getLogger(__name__)

UNREADABLE = (EngineUnavailable, VoiceUnavailable, SpeechRequestError, JobsUnavailable)


def start_prerender(service, article, lexicon) -> bool:
    """Start the article's render and return at once (after an import); False if it cannot."""
    try:
        service.cached_or_render(*service.request(article, lexicon=lexicon))
    except UNREADABLE as error:
        log.warning("article %s cannot be pre-rendered: %s", article.id, error)
        return False
    return True


def prerender(service, article, lexicon) -> str:
    """Render the article and wait: "cached" (nothing to do), "rendered" or "failed"."""
    try:
        playback = service.cached_or_render(*service.request(article, lexicon=lexicon))
    except UNREADABLE as error:
        log.warning("article %s cannot be rendered: %s", article.id, error)
        return "failed"
    if playback.cached is not None:
        return "cached"
    playback.render.finished.wait()
    if playback.render.status()["failed"] or playback.render.file_path is None:
        return "failed"
    return "rendered"
