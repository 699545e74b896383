"""The seed format and the plain-text page structurer keep every part of an article."""

from pathlib import Path

import pytest

from reader.library.importer import BadSeedFile, ImportFailed, draft_from_path, draft_from_text
from reader.library.seedfile import SeedFormatError, parse_seed
from tests.helpers import GOOD_HEADER, MALFORMED_SEED_HEADERS, SEEDS, SHARED_SEED

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def kinds(draft):
    return [block.kind for block in draft.blocks]


def test_the_french_seed_comes_first_and_keeps_every_part():
    assert SEED_FILES[0].name.startswith("01-fr")
    draft = draft_from_path(SEED_FILES[0])
    assert draft.title.startswith("Premières pertes signalées Kyiv")
    assert draft.date_line == "5 décembre 2024, 11h58"
    assert draft.machine_translated_from == "de"
    assert draft.timezone == "Europe/Berlin"
    assert draft.source
    assert kinds(draft) == ["paragraph"] * 5 + ["heading"] + ["paragraph"] * 3 + ["hashtags"]
    heading = draft.blocks[5].text
    assert heading == "Accord sur une « assistance militaire immédiate » mutuelle"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:5])
def test_every_seed_has_a_heading_a_hashtag_line_and_a_date_line(path):
    draft = draft_from_path(path)
    assert draft.date_line and draft.timezone and draft.declared_language
    assert kinds(draft).count("heading") == 1
    assert kinds(draft)[-1] == "hashtags"


def test_there_are_ten_seeds_in_ten_languages():
    languages = {draft_from_path(path).declared_language for path in SEED_FILES}
    assert languages == {"fr", "de", "en", "es", "it", "uk", "ar", "ja", "zh", "ru"}


def test_the_verbatim_page_text_is_structured_like_the_seed_file():
    if not SHARED_SEED.exists():
        pytest.skip("shared/seed-article.txt is not beside this checkout")
    page = draft_from_text(SHARED_SEED.read_text(encoding="utf-8"))
    seed = draft_from_path(SEED_FILES[0])
    assert page.title == seed.title
    assert page.date_line == "5 décembre 2024, 11h58"  # without "Écouter l’article"
    assert page.blocks == seed.blocks  # the AI notice line is page chrome, not body


def test_page_text_in_german_drops_the_notice_and_finds_the_subheading():
    text = (
        "Neue Brücke eröffnet\n"
        "5. Dezember 2024, 11:58 Uhr Artikel anhören\n"
        "Diese Audioversion wurde künstlich erzeugt. Mehr Informationen | Feedback senden\n"
        "Die neue Brücke über den Rhein ist seit heute für den Verkehr freigegeben. "
        "Sie verbindet zwei Stadtteile, die bisher nur mit der Fähre erreichbar waren.\n"
        "Bauzeit von vier Jahren\n"
        "Die Arbeiten hatten im Frühjahr 2020 begonnen und kosteten 120 Millionen Euro.\n"
        "#Brücke #Rhein #Verkehr\n"
    )
    draft = draft_from_text(text)
    assert draft.date_line == "5. Dezember 2024, 11:58 Uhr"
    assert kinds(draft) == ["paragraph", "heading", "paragraph", "hashtags"]


def test_markdown_import_reads_title_date_and_blocks():
    draft = draft_from_text(
        "# Title here\n\nDecember 5, 2024, 11:58 AM\n\nA paragraph.\n\n## Sub\n\nMore."
    )
    assert draft.title == "Title here"
    assert draft.date_line == "December 5, 2024, 11:58 AM"
    assert kinds(draft) == ["paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    "text",
    ["Date-Line: 1 mai\n\nBody", "Title: x\nBogus: y\n\nBody", "Title: x\nno colon here\n\nB"],
)
def test_malformed_seed_files_are_refused_with_a_reason(text):
    with pytest.raises(SeedFormatError):
        parse_seed(text)


@pytest.mark.parametrize("case", MALFORMED_SEED_HEADERS)
def test_a_malformed_header_is_an_import_failure_naming_the_fault(case):
    text, reason = MALFORMED_SEED_HEADERS[case]
    with pytest.raises(SeedFormatError) as parsed:
        parse_seed(text)
    assert reason in str(parsed.value)
    with pytest.raises(BadSeedFile) as imported:
        draft_from_text(text)
    assert isinstance(imported.value, ImportFailed)
    assert reason in str(imported.value)


def test_the_well_formed_header_of_those_cases_is_read():
    draft = draft_from_text(GOOD_HEADER + "\nLe pont est ouvert.\n")
    assert (draft.title, draft.declared_language) == ("Le pont", "fr")


def test_seed_format_is_documented():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    for key in ("Title", "Date-Line", "Timezone", "Source", "Machine-Translated-From"):
        assert f"`{key}`" in readme
    assert Path(SEEDS / "README.md").exists()
