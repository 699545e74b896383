"""The app's speech service, and speech problems in the reader's words: shared by the blueprints."""

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import Connection

from reader.db import get_session
from reader.lexicon.entries import load_lexicon
from reader.memo import Memo
from reader.speech.engines.base import EngineUnavailable
from reader.speech.lexicon import Lexicon
from reader.speech.prerender import start_prerender
from reader.speech.service import SpeechService
from reader.speech.settings import VoiceUnavailable
from reader.views import present


def speech() -> SpeechService:
    return current_app.extensions["reader.speech"]


def lexicon(connection: Connection | None = None) -> Lexicon:
    """The stored lexicon, read once per request (one query, on the `connection` when given):
    what every sentence is said by."""
    return load_lexicon(connection or get_session())


def status_and_message(error: Exception) -> tuple[int, str]:
    """The HTTP status and the reader's words for a speech problem."""
    if isinstance(error, EngineUnavailable):
        return 503, _("Speech is unavailable: espeak-ng is not installed on the server.")
    if isinstance(error, VoiceUnavailable):
        name = present.language_name(error.lang, str(get_locale())) or _("this language")
        return 422, _("No voice is installed for %(language)s.", language=name)
    return 400, _("The speaking rate, voice, language or audio format is not valid.")


def speech_problem(lang: str | None) -> str | None:
    """Why this language cannot be listened to here, in the reader's words, or None."""
    try:
        speech().options(lang)
    except (EngineUnavailable, VoiceUnavailable) as error:
        return status_and_message(error)[1]
    return None


def voice_offer(lang: str | None) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """(speech_problem, voice_menu) for the language in the reader's words: worked out once per
    language, UI language and listing of the voices (they cost a fifth of a cached page)."""
    offers = current_app.extensions.setdefault(OFFERS_EXTENSION, Memo(256))
    try:
        speech().engine()
        key = (lang, str(get_locale()), speech().voices_version())
    except EngineUnavailable:  # said as it is each time: it is over when espeak-ng is installed
        return speech_problem(lang), tuple(voice_menu(lang))
    offer = offers.get(key)
    if offer is None:
        offer = (speech_problem(lang), tuple(voice_menu(lang)))
        offers.put(key, offer)
    return offer


OFFERS_EXTENSION = "reader.voice_offers"


def voice_label(voice) -> str:
    """A voice in the reader's words for the voice menu: neural ones marked."""
    if voice.neural:
        return _("%(voice)s, neural voice (%(engine)s)", voice=voice.speaker, engine=voice.engine)
    return _("%(voice)s (%(engine)s)", voice=voice.speaker, engine=voice.engine)


def voice_sentence(voice, lang: str | None) -> str:
    """The voice that reads an article, in plain words: "Kumo, neural voice (Kokoro-82M),
    reading French"."""
    language = present.language_name(lang, str(get_locale())) or _("this language")
    if voice.neural:
        return _(
            "%(voice)s, neural voice (%(engine)s), reading %(language)s",
            voice=voice.speaker,
            engine=voice.engine,
            language=language,
        )
    return _(
        "%(voice)s, synthetic voice (%(engine)s), reading %(language)s",
        voice=voice.speaker,
        engine=voice.engine,
        language=language,
    )


def voice_menu(lang: str | None) -> list[tuple[str, str]]:
    """(voice id, label) of every voice that can read the language, the one chosen first;
    empty when there is no choice to make."""
    try:
        service = speech()
        found = [service.describe(choice) for choice in service.voice_choices(lang)]
    except EngineUnavailable:
        return []
    return [(voice.voice, voice_label(voice)) for voice in found] if len(found) > 1 else []


def voice_for(lang: str | None) -> str | None:
    """The voice that reads this language here, or None."""
    try:
        return speech().voice_for(lang)
    except EngineUnavailable:
        return None


def render_on_import(article) -> None:
    """With READER_RENDER_ON_IMPORT, start the article's render now, through the job backend
    (the request returns at once; a render that cannot start is logged, the import stands)."""
    if current_app.config["RENDER_ON_IMPORT"]:
        start_prerender(speech(), article, lexicon())
