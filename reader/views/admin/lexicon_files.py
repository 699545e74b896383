"""The lexicon as a CSV file: export it, import one."""

from flask import Response, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from reader.db import get_session
from reader.lexicon import csv_files, entries
from reader.text.languages import LANGUAGES
from reader.views.access import editor_required
from reader.views.admin.lexicon_forms import ImportForm
from reader.views.admin.lexicon_pages import list_page


def register(bp) -> None:
    bp.add_url_rule("/lexicon/export.csv", "lexicon_export", export)
    bp.add_url_rule("/lexicon/import", "lexicon_import", import_file, methods=["POST"])


@editor_required
def export():
    """Every entry (or one language's, ?language=) as CSV."""
    language = request.args.get("language")
    rows = entries.search(get_session(), language if language in LANGUAGES else None)
    name = f"lexicon-{language}.csv" if language in LANGUAGES else "lexicon.csv"
    return Response(
        csv_files.export_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@editor_required
def import_file():
    """Add or change the file's entries; nothing is stored when a line is wrong (422)."""
    form = ImportForm()
    upload = request.files.get("file")
    if not form.validate_on_submit() or upload is None or not upload.filename:
        form.file.errors = [_("Choose a CSV file.")]
        return list_page(form), 422
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        form.file.errors = [_("The file is not UTF-8 text.")]
        return list_page(form), 422
    session = get_session()
    try:
        report = csv_files.import_csv(session, text, current_user)
    except csv_files.CsvRefused as refused:
        session.rollback()
        return list_page(form, refused.problems), 422
    flash(
        _(
            "Imported: %(added)s new, %(updated)s changed, %(unchanged)s unchanged.",
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
        )
    )
    return redirect(url_for("admin.lexicon"))
