"""The lexicon on the editor's desk: list, create, edit, delete, CSV, preview, from a report."""

import io

from sqlalchemy import func, select

from reader.lexicon import csv_files
from reader.models import Feedback, LexiconEntry

FORM = {
    "language": "fr",
    "pattern": "Zelensky",
    "kind": "phonemes",
    "replacement": "[[zelEnsk'i]]",
    "note": "Say it as French media do.",
}


def entries(app) -> list[LexiconEntry]:
    with app.extensions["reader.db"]() as session:
        return list(session.scalars(select(LexiconEntry).order_by(LexiconEntry.id)))


def test_the_public_is_sent_to_sign_in(client):
    for url in ("/admin/lexicon", "/admin/lexicon/new", "/admin/lexicon/export.csv"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_create_list_search_edit_delete(app, editor_client):
    assert "Lexicon" in editor_client.get("/admin/").get_data(as_text=True)
    response = editor_client.post("/admin/lexicon/new", data=FORM)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/lexicon"
    (entry,) = entries(app)
    assert (entry.replacement, entry.kind, entry.created_by_id) == ("zelEnsk'i", "phonemes", 1)
    page = editor_client.get("/admin/lexicon?language=fr&q=zel").get_data(as_text=True)
    assert "Zelensky" in page and "[[zelEnsk&#39;i]]" in page
    assert "Zelensky" not in editor_client.get("/admin/lexicon?language=de").get_data(as_text=True)
    form = editor_client.get(f"/admin/lexicon/{entry.id}").get_data(as_text=True)
    assert 'value="Zelensky"' in form
    changed = {**FORM, "kind": "respelling", "replacement": "Zélenski", "case_sensitive": "y"}
    assert editor_client.post(f"/admin/lexicon/{entry.id}", data=changed).status_code == 302
    (entry,) = entries(app)
    assert (entry.replacement, entry.case_sensitive) == ("Zélenski", True)
    assert editor_client.post(f"/admin/lexicon/{entry.id}/delete").status_code == 302
    assert entries(app) == []
    assert editor_client.get(f"/admin/lexicon/{entry.id}").status_code == 404


def test_invalid_entries_are_refused_with_messages(app, editor_client):
    bad = {"language": "fr", "pattern": "(a+)+", "is_regex": "y", "replacement": ""}
    response = editor_client.post("/admin/lexicon/new", data=bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "a repeat inside a repeat" in page and "This field is required." in page
    phonemes = {**FORM, "replacement": "zelɛnski"}
    page = editor_client.post("/admin/lexicon/new", data=phonemes).get_data(as_text=True)
    assert "Phonemes may use only espeak-ng" in page
    assert (
        editor_client.post("/admin/lexicon/new", data={**FORM, "language": "xx"}).status_code == 422
    )
    assert editor_client.post("/admin/lexicon/new", data=FORM).status_code == 302
    again = editor_client.post("/admin/lexicon/new", data=FORM)
    assert again.status_code == 422 and "already an entry" in again.get_data(as_text=True)
    assert len(entries(app)) == 1


def test_csv_round_trip(app, editor_client):
    editor_client.post("/admin/lexicon/new", data=FORM)
    regex = {
        "language": "fr",
        "pattern": r"Kim\s+Jong[-\s]?Un",
        "is_regex": "y",
        "kind": "respelling",
        "replacement": "Kim Djong Oune",
        "note": 'A "quoted", note',
    }
    editor_client.post("/admin/lexicon/new", data=regex)
    exported = editor_client.get("/admin/lexicon/export.csv")
    assert exported.mimetype == "text/csv"
    text = exported.get_data(as_text=True)
    assert text.splitlines()[0] == ",".join(csv_files.COLUMNS)
    before = [
        (e.language, e.pattern, e.replacement, e.kind, e.is_regex, e.note) for e in entries(app)
    ]
    for entry in entries(app):
        editor_client.post(f"/admin/lexicon/{entry.id}/delete")
    upload = {"file": (io.BytesIO(text.encode("utf-8")), "lexicon.csv")}
    response = editor_client.post("/admin/lexicon/import", data=upload)
    assert response.status_code == 302
    after = [
        (e.language, e.pattern, e.replacement, e.kind, e.is_regex, e.note) for e in entries(app)
    ]
    assert sorted(after) == sorted(before)
    # The same file again changes nothing.
    upload = {"file": (io.BytesIO(text.encode("utf-8")), "lexicon.csv")}
    editor_client.post("/admin/lexicon/import", data=upload)
    assert len(entries(app)) == 2
    assert "0 new, 0 changed, 2 unchanged" in editor_client.get("/admin/lexicon").get_data(
        as_text=True
    )


def test_a_wrong_csv_line_refuses_the_whole_file(app, editor_client):
    text = "language,pattern,replacement,kind\nfr,Kiev,Kiève,\nfr,Zelensky,zelɛnski,phonemes\n"
    upload = {"file": (io.BytesIO(text.encode("utf-8")), "lexicon.csv")}
    response = editor_client.post("/admin/lexicon/import", data=upload)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Line 3, replacement" in page
    assert entries(app) == []
    bad_header = {"file": (io.BytesIO(b"word,say\nKiev,Kieve\n"), "lexicon.csv")}
    assert editor_client.post("/admin/lexicon/import", data=bad_header).status_code == 422
    latin1 = {
        "file": (
            io.BytesIO("language,pattern,replacement\nfr,Kiev,Kiève\n".encode("latin-1")),
            "x.csv",
        )
    }
    assert editor_client.post("/admin/lexicon/import", data=latin1).status_code == 422


def test_preview_returns_audio_of_the_sample(app, editor_client, monkeypatch):
    from reader.speech import worker

    said = []
    original = worker.synthesize_sentence
    monkeypatch.setattr(
        worker,
        "synthesize_sentence",
        lambda text, *rest: said.append(text) or original(text, *rest),
    )
    form = {**FORM, "sample": "Selon Zelensky, rien ne change."}
    response = editor_client.post("/admin/lexicon/preview", data=form)
    assert response.status_code == 200 and response.mimetype == "audio/ogg"
    assert response.get_data()[:4] == b"OggS"
    assert said == ["Selon [[zelEnsk'i]], rien ne change."]
    assert entries(app) == []  # a preview stores nothing
    bad = editor_client.post("/admin/lexicon/preview", data={**FORM, "replacement": "ʒ"})
    assert bad.status_code == 422


def test_new_from_a_report_prefills_and_returns(app, editor_client, session, french_article):
    report = Feedback(article_id=french_article.id, category="pronunciation", message="Mal dit.")
    session.add(report)
    session.commit()
    page = editor_client.get(f"/admin/lexicon/new?report={report.id}&word=Pyongyang")
    html = page.get_data(as_text=True)
    assert 'value="Pyongyang"' in html and '<option selected value="fr">' in html
    assert f'name="report" type="hidden" value="{report.id}"' in html
    data = {**FORM, "pattern": "Pyongyang", "replacement": "pjONj'aN", "report": str(report.id)}
    response = editor_client.post("/admin/lexicon/new", data=data)
    # Back to the inbox the editor came from.
    assert response.status_code == 302 and response.headers["Location"] == "/admin/feedback"
    with app.extensions["reader.db"]() as fresh:
        assert fresh.scalar(select(func.count()).select_from(Feedback)) == 1


def test_without_a_report_saving_goes_back_to_the_lexicon(editor_client):
    response = editor_client.post("/admin/lexicon/new", data=FORM)
    assert response.headers["Location"] == "/admin/lexicon"


def test_new_without_a_report_takes_the_query(editor_client):
    html = editor_client.get("/admin/lexicon/new?word=Koursk&language=de").get_data(as_text=True)
    assert 'value="Koursk"' in html and '<option selected value="de">' in html
