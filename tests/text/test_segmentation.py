"""Tests for sentence splitting: spans reproduce the page text, per-language rules hold."""

import pytest

from reader.text.segmentation import split_sentences

SEED_PARAGRAPH = (
    "Les soldats nord-coréens seront stationnés dans des postes d’observation et des points de "
    "contrôle dans la région russe de Koursk en tant que « deuxième échelon » qui ne sera pas "
    "impliqué dans des opérations de combat directes, rapporte le Centre national de la "
    "résistance, dirigé par l’armée ukrainienne. Pyongyang a envoyé entre 10 000 et 12 000 "
    "soldats dans la région contestée de Koursk pour soutenir la guerre en Russie, signe d’un "
    "approfondissement de la coopération entre les deux pays. “Peut-être qu’ils ne sont pas dans "
    "des positions avancées, mais ils permettent une agression contre l’Ukraine et provoquent la "
    "mort de soldats ukrainiens”, a déclaré le porte-parole Andrii Tscherniak à Radio Free "
    "Europe/Radio Liberty."
)
SEED_BRIGADE = (
    "Les troupes nord-coréennes seraient subordonnées à la 11e brigade aéroportée russe et "
    "garderaient les zones où les troupes russes sont concentrées."
)


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


CASES = [
    # French
    ("fr", "M. Dupont est arrivé. Il pleut.", ["M. Dupont est arrivé.", "Il pleut."]),
    ("fr", "Mme Durand parle. Oui.", ["Mme Durand parle.", "Oui."]),
    ("fr", "Des fruits, p. ex. Des pommes.", ["Des fruits, p. ex. Des pommes."]),
    ("fr", "Pommes, poires, etc. Le reste suit.", ["Pommes, poires, etc.", "Le reste suit."]),
    ("fr", "Il a lu J. K. Rowling. Bien.", ["Il a lu J. K. Rowling.", "Bien."]),
    ("fr", "Il mesure 3,5 m. Elle 3.5 m.", ["Il mesure 3,5 m.", "Elle 3.5 m."]),
    ("fr", "« Vraiment ? » a-t-il demandé. Oui !", ["« Vraiment ? » a-t-il demandé.", "Oui !"]),
    ("fr", "Il a dit : « C’est fini. » Puis rien.", ["Il a dit : « C’est fini. »", "Puis rien."]),
    ("fr", "Il hésitait… mais il est venu. Fin.", ["Il hésitait… mais il est venu.", "Fin."]),
    ("fr", "Il attendait... Puis rien.", ["Il attendait...", "Puis rien."]),
    ("fr", "Le 05.12.2024 il part. Voilà.", ["Le 05.12.2024 il part.", "Voilà."]),
    # German
    ("de", "Am 3. Dezember kam er. Gut.", ["Am 3. Dezember kam er.", "Gut."]),
    ("de", "Das war z. B. gut. Ja.", ["Das war z. B. gut.", "Ja."]),
    ("de", "Dr. Müller kam. Nr. 5 fehlt.", ["Dr. Müller kam.", "Nr. 5 fehlt."]),
    ("de", "Gut bzw. schlecht. Ja.", ["Gut bzw. schlecht.", "Ja."]),
    ("de", "Er u. a. kam. Sie ca. 5 Min. Später.", ["Er u. a. kam.", "Sie ca. 5 Min.", "Später."]),
    ("de", "Er war in St. Pauli. Dann ging er.", ["Er war in St. Pauli.", "Dann ging er."]),
    ("de", "Er wurde der 3. Sieger. Gut.", ["Er wurde der 3. Sieger.", "Gut."]),
    ("de", "Er wurde 3. Das Rennen war hart.", ["Er wurde 3.", "Das Rennen war hart."]),
    ("de", "„Wir gehen.“ Dann ging er.", ["„Wir gehen.“", "Dann ging er."]),
    ("de", "Es kostet 3,5 Euro. Ja.", ["Es kostet 3,5 Euro.", "Ja."]),
    ("de", "Treffen am 5.12. 2024 geplant. Ja.", ["Treffen am 5.12. 2024 geplant.", "Ja."]),
    ("de", "Äpfel, Birnen usw. Dann kam er.", ["Äpfel, Birnen usw.", "Dann kam er."]),
    # English
    ("en", "Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
    ("en", "Dr. Jones arrived. Fine.", ["Dr. Jones arrived.", "Fine."]),
    ("en", "He lives in the U.S. and works.", ["He lives in the U.S. and works."]),
    ("en", "He moved to the U.S. The end.", ["He moved to the U.S.", "The end."]),
    ("en", "Fruit, e.g. Apples. Yes.", ["Fruit, e.g. Apples.", "Yes."]),
    ("en", "That is, i.e. Bob. Yes.", ["That is, i.e. Bob.", "Yes."]),
    ("en", "On Jan. 5 he left. Fine.", ["On Jan. 5 he left.", "Fine."]),
    ("en", "“Is it over?” she asked. Yes.", ["“Is it over?” she asked.", "Yes."]),
    ("en", "He said “Go.” Then he left.", ["He said “Go.”", "Then he left."]),
    ("en", "It cost $3.5 million. Wow!", ["It cost $3.5 million.", "Wow!"]),
    ("en", "See No. 5 here. Yes.", ["See No. 5 here.", "Yes."]),
    # Other languages
    ("es", "El Sr. López llegó. ¿Vino? Sí.", ["El Sr. López llegó.", "¿Vino?", "Sí."]),
    ("it", "Il Sig. Rossi è qui. Bene.", ["Il Sig. Rossi è qui.", "Bene."]),
    ("pt", "O Dr. Silva chegou. Bom.", ["O Dr. Silva chegou.", "Bom."]),
    ("nl", "Dhr. Jansen, bijv. Piet. Goed.", ["Dhr. Jansen, bijv. Piet.", "Goed."]),
    ("pl", "Np. dr Nowak przyszedł. Dobrze.", ["Np. dr Nowak przyszedł.", "Dobrze."]),
    ("cs", "Dne 3. května přišel. Např. Petr.", ["Dne 3. května přišel.", "Např. Petr."]),
    ("sv", "Han kom, t.ex. Per. Bra.", ["Han kom, t.ex. Per.", "Bra."]),
    ("tr", "Dr. Yılmaz geldi. İyi.", ["Dr. Yılmaz geldi.", "İyi."]),
    ("ru", "Это т. е. пример. Да.", ["Это т. е. пример.", "Да."]),
    ("uk", "Було 5 тис. Людей. Так.", ["Було 5 тис. Людей.", "Так."]),
    ("el", "Τι κάνεις; Καλά. Ο κ. Παπάς ήρθε.", ["Τι κάνεις;", "Καλά.", "Ο κ. Παπάς ήρθε."]),
    ("zh", "他来了。她走了！真的吗？是的", ["他来了。", "她走了！", "真的吗？", "是的"]),
    ("ja", "「行く。」と言った。はい", ["「行く。」と言った。", "はい"]),
    ("ko", "그가 왔다. 그녀는 갔다.", ["그가 왔다.", "그녀는 갔다."]),
    ("ar", "هل جاء؟ نعم. جاء", ["هل جاء؟", "نعم.", "جاء"]),
    ("ar", "قال ذلك۔ ثم ذهب", ["قال ذلك۔", "ثم ذهب"]),
    ("hi", "वह आया। वह गया॥ ठीक", ["वह आया।", "वह गया॥", "ठीक"]),
    ("he", "הוא בא. היא הלכה?", ["הוא בא.", "היא הלכה?"]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    CASES,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(CASES)],
)
def test_splits_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_seed_paragraph_splits_into_three_sentences() -> None:
    found = sentences(SEED_PARAGRAPH, "fr")
    assert len(found) == 3
    assert found[0].endswith("dirigé par l’armée ukrainienne.")
    assert found[1].startswith("Pyongyang a envoyé entre 10 000 et 12 000 soldats")
    assert found[2].startswith("“Peut-être")
    assert found[2].endswith("Radio Free Europe/Radio Liberty.")


@pytest.mark.parametrize(
    "text", [SEED_BRIGADE, "5 décembre 2024, 11h58"], ids=["fr-brigade", "fr-dateline"]
)
def test_seed_lines_are_one_sentence(text: str) -> None:
    assert sentences(text, "fr") == [text]


@pytest.mark.parametrize("lang", ["fr", "de", "en", "zh", "ar"])
def test_spans_reproduce_the_page_text(lang: str) -> None:
    text = "  \u00a0" + SEED_PARAGRAPH + "\n\n  Titre sans point\n" + SEED_BRIGADE + "  "
    spans = split_sentences(text, lang)
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip() and piece
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    # Nothing is lost or duplicated: only whitespace lies between the spans.
    joined = "".join(text[a:b] for a, b in spans)
    assert "".join(joined.split()) == "".join(text.split())


def test_line_break_ends_a_sentence() -> None:
    assert sentences("Un titre\nLe texte suit. Fin.", "fr") == [
        "Un titre",
        "Le texte suit.",
        "Fin.",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"], ids=["empty", "spaces", "newlines"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text, "fr") == []


def test_region_code_is_accepted() -> None:
    assert sentences("M. Dupont vient. Oui.", "fr-FR") == ["M. Dupont vient.", "Oui."]


def test_unknown_language_uses_generic_rules() -> None:
    assert sentences("One. Two? Three!", "xx") == ["One.", "Two?", "Three!"]


def test_five_thousand_words_split_into_their_sentences() -> None:
    # Its speed is measured in bench/text.py, beside a plain split.
    article = " ".join([SEED_PARAGRAPH, SEED_BRIGADE] * 40)
    assert len(article.split()) > 5000
    assert len(split_sentences(article, "fr")) == 160
