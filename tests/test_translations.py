"""Every UI catalog is complete: translated, not fuzzy, up to date, and keeps its placeholders.

English is the source language: its msgstr is the msgid itself (or empty, which gettext
shows as the msgid). After new strings appear: `make i18n-extract`, translate every empty
msgstr, `make i18n-compile`; this file says what is still missing.
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from reader.text.languages import SUPPORTED_CODES

TRANSLATIONS = Path(__file__).resolve().parent.parent / "reader" / "translations"
SOURCE_LOCALE = "en"
# `%(name)s` (Flask-Babel's gettext) and `{name}` (filled in later by JavaScript).
PLACEHOLDER = re.compile(r"%\(\w+\)[a-z]|\{\w*\}")


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def catalog_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def texts(value) -> tuple[str, ...]:
    """A msgid or msgstr, singular or plural, as a tuple of strings."""
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


TEMPLATE_IDS = {message.id for message in read_catalog(TRANSLATIONS / "messages.pot") if message.id}


def test_every_ui_language_has_a_catalog_and_no_other():
    catalogs = {path.parent.parent.name for path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")}
    assert catalogs == set(SUPPORTED_CODES)


@pytest.mark.parametrize("locale", SUPPORTED_CODES)
def test_catalog_is_complete(locale):
    catalog = read_catalog(catalog_path(locale))
    messages = [message for message in catalog if message.id]

    assert {message.id for message in messages} == TEMPLATE_IDS, "run pybabel update"
    assert list(catalog.obsolete) == [], "obsolete (#~) entries: remove them"

    fuzzy = [message.id for message in messages if message.fuzzy]
    assert fuzzy == []

    if locale == SOURCE_LOCALE:
        differs = [
            message.id
            for message in messages
            if any(
                s not in ("", i)
                for i, s in zip(texts(message.id), texts(message.string), strict=True)
            )
        ]
        assert differs == [], "the English msgstr is the msgid itself"
    else:
        untranslated = [message.id for message in messages if not all(texts(message.string))]
        assert untranslated == []


@pytest.mark.parametrize("locale", SUPPORTED_CODES)
def test_translations_keep_the_placeholders(locale):
    catalog = read_catalog(catalog_path(locale))
    wrong = {}
    for message in catalog:
        strings = [string for string in texts(message.string) if string]
        if not message.id or not strings:
            continue  # the header; an empty msgstr is test_catalog_is_complete's to report
        # Plural forms together: a language's singular may leave out the number.
        expected = set().union(*map(placeholders, texts(message.id)))
        if set().union(*map(placeholders, strings)) != expected:
            wrong[message.id] = strings
    assert wrong == {}


def test_the_template_has_every_string_the_code_and_templates_use(tmp_path):
    # A string added without `make i18n-extract` would reach readers untranslated.
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    fresh = tmp_path / "fresh.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext",
         "--no-location", "--omit-header", "-o", str(fresh), "."],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip
    with fresh.open("rb") as new, (root / "reader/translations/messages.pot").open("rb") as kept:
        wanted = {m.id for m in read_po(new) if m.id}
        have = {m.id for m in read_po(kept) if m.id}
    assert sorted(wanted - have) == [] and sorted(have - wanted) == []
