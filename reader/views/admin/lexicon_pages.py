"""The lexicon's list page, shared by the list and the import."""

from flask import render_template, request

from reader.db import get_session
from reader.lexicon import entries
from reader.text.languages import LANGUAGES
from reader.views.admin.lexicon_forms import MESSAGES, language_choices


def list_page(import_form, problems=()):
    """The list, filtered by ?language= and searched by ?q=, with the import form."""
    language = request.args.get("language") or None
    query = request.args.get("q") or ""
    rows = entries.search(get_session(), language if language in LANGUAGES else None, query)
    return render_template(
        "admin/lexicon.html",
        rows=rows,
        language=language,
        query=query,
        languages=language_choices(LANGUAGES),
        import_form=import_form,
        import_problems=problems,
        messages=MESSAGES,
    )
