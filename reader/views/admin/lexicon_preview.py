"""Hear an entry before saving it: a sample sentence said with it, by a speech worker."""

from concurrent.futures import TimeoutError as FutureTimeout

from flask import Response, abort, request
from flask_babel import gettext as _

from reader.db import get_session
from reader.lexicon import entries
from reader.speech.claims import JobsUnavailable
from reader.speech.engines.base import EngineUnavailable
from reader.speech.jobs import SentenceFailed
from reader.speech.settings import SpeechRequestError, VoiceUnavailable
from reader.views.access import editor_required
from reader.views.admin.lexicon_forms import MESSAGES, EntryForm, form_data
from reader.views.speaking import speech, status_and_message


def register(bp) -> None:
    bp.add_url_rule("/lexicon/preview", "lexicon_preview", preview, methods=["POST"])


@editor_required
def preview():
    """The entry's form as typed, plus ?entry=<id> when editing one: audio of the sample.

    The sample (or else the word) is said with the typed entry first and the rest of the
    stored lexicon after it, exactly as a listener would hear it.
    """
    form = EntryForm()
    if not form.validate_on_submit():
        abort(400, _("The form has expired. Please try again."))
    session = get_session()
    try:
        values = entries.clean(session, form_data(form), unique=False)
    except entries.LexiconError as error:
        abort(422, " ".join(str(MESSAGES.get(p.code, MESSAGES["invalid"])) for p in error.problems))
    editing = request.args.get("entry", "")
    lexicon = entries.load_lexicon(
        session, but=int(editing) if editing.isdigit() else None, first=[values.rule()]
    )
    sample = (form.sample.data or "").strip()[:500] or values.fields["pattern"]
    try:
        audio, mimetype = speech().preview(sample, values.fields["language"], lexicon)
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError) as error:
        abort(*status_and_message(error))
    except (SentenceFailed, FutureTimeout, JobsUnavailable):
        abort(503, _("The sample could not be said. Please try again."))
    return Response(audio.data, mimetype=mimetype, headers={"Cache-Control": "no-store"})
