"""The starter lexicon in seeds/: valid, about words the seeds contain, loaded idempotently."""

from sqlalchemy import func, select

from reader.lexicon import csv_files
from reader.lexicon.entries import rule_of
from reader.models import LexiconEntry
from reader.speech.lexicon import rewrite
from tests.helpers import SEEDS

STARTER = (SEEDS / "lexicon.csv").read_text(encoding="utf-8")


def count(session) -> int:
    return session.scalar(select(func.count()).select_from(LexiconEntry))


def test_the_starter_lexicon_loads_once_and_keeps_editors_changes(session):
    first = csv_files.import_csv(session, STARTER, None, overwrite=False)
    assert first.added == count(session) > 0
    entry = session.scalars(select(LexiconEntry).where(LexiconEntry.pattern == "Kiev")).one()
    entry.replacement = "Kiev"  # an editor's choice
    session.commit()
    again = csv_files.import_csv(session, STARTER, None, overwrite=False)
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    assert session.get(LexiconEntry, entry.id).replacement == "Kiev"


def test_every_starter_entry_changes_its_seed_article(session):
    csv_files.import_csv(session, STARTER, None)
    for entry in session.scalars(select(LexiconEntry)):
        (seed,) = [p for p in SEEDS.glob(f"*-{entry.language}-*.txt") if _said(p, entry)]
        assert seed, entry.pattern


def _said(path, entry) -> bool:
    text = path.read_text(encoding="utf-8")
    return rewrite(text, (rule_of(entry),)).applied != ()


def test_reader_seed_loads_the_starter_lexicon(tmp_path):
    from click.testing import CliRunner

    from reader.cli import main

    env = {"READER_DATA_DIR": str(tmp_path / "data"), "READER_SPEECH_ENGINE": "silent"}

    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "02-de-strassenbahn-linie-7.txt").write_text(
        (SEEDS / "02-de-strassenbahn-linie-7.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "lexicon.csv").write_text(STARTER, encoding="utf-8")
    first = CliRunner().invoke(main, ["seed", "--path", str(folder)], env=env)
    assert first.exit_code == 0, first.output
    assert "7 new lexicon entries, 0 already there." in first.output
    again = CliRunner().invoke(main, ["seed", "--path", str(folder)], env=env)
    assert "0 new lexicon entries, 7 already there." in again.output
