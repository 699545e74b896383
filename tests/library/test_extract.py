"""Tests for article extraction: fixture accuracy, metadata, encodings and junk input."""

from pathlib import Path

import pytest

from reader.library.extract import Block, ExtractedArticle, extract_article, extract_text, token_f1
from reader.library.html_page import MAX_INPUT_BYTES, decode_html

PAGES_DIR = Path(__file__).resolve().parents[1] / "data" / "pages"
FIXTURES = sorted(p.stem for p in PAGES_DIR.glob("*.html"))


def load(name: str) -> tuple[bytes, str]:
    page = (PAGES_DIR / f"{name}.html").read_bytes()
    expected = (PAGES_DIR / f"{name}.expected.txt").read_text(encoding="utf-8")
    return page, expected


def test_fixture_set_covers_required_languages():
    languages = {name.split("_")[0] for name in FIXTURES}
    assert len(FIXTURES) >= 12
    assert len(languages) >= 8
    assert {"fr", "de", "en", "ar"} <= languages
    assert languages & {"ja", "zh"} and languages & {"ru", "uk"}


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_token_f1(name):
    page, expected = load(name)
    _, _, f1 = token_f1(extract_text(page, url="https://example.org/news/1"), expected)
    assert f1 >= 0.95


@pytest.mark.parametrize("name", FIXTURES)
def test_headline_comes_first_and_once(name):
    page, expected = load(name)
    text = extract_text(page)
    headline = expected.split("\n\n", 1)[0].strip()
    assert text.startswith(headline + "\n\n")
    assert text.count(headline) == 1


@pytest.mark.parametrize("name", FIXTURES)
def test_blocks_match_text(name):
    article = extract_article(load(name)[0])
    assert isinstance(article, ExtractedArticle)
    assert article.blocks and all(b.kind in {"heading", "paragraph"} for b in article.blocks)
    assert article.text == "\n\n".join([article.title, *(b.text for b in article.blocks)])


def test_classic_page_metadata():
    article = extract_article(load("fr_classic")[0])
    assert article.title == "À Lyon, les vélos-cargos transforment les livraisons du centre-ville"
    assert article.date_line == "Publié le 4 mars 2024 à 10h12"
    assert article.published_iso == "2024-03-04T10:12:00+01:00"
    assert article.language == "fr"
    assert article.site_name == "Le Quotidien du Rhône"
    assert article.blocks[2] == Block("heading", "Moins de camions, plus de contraintes")


def test_boilerplate_stays_out():
    text = extract_text(load("fr_classic")[0])
    for furniture in ("cookies", "Newsletter", "Heavy snow", "Commentaires", "Partager", "©"):
        assert furniture not in text


def test_rtl_page_metadata():
    article = extract_article(load("ar_rtl")[0])
    assert article.language == "ar"
    assert article.title.startswith("افتتاح")
    assert article.date_line == "الثلاثاء 5 مارس 2024"


def test_cjk_page_keeps_subheading():
    article = extract_article(load("ja_news")[0])
    assert article.language == "ja"
    assert Block("heading", "住民の声") in article.blocks
    assert article.date_line == "2024年3月7日 11時05分"


def test_misleading_json_ld_is_not_trusted():
    article = extract_article(load("it_misleading_ld")[0])
    assert article.title == "Venezia, il ticket d'accesso slitta all'autunno"
    assert "raccolta differenziata" not in article.text
    assert "Il ticket costerà cinque euro" in article.text


def test_page_without_metadata_falls_back_to_printed_date_and_none():
    article = extract_article(load("de_divsoup")[0])
    assert article.date_line == "05.03.2024, 08:30 Uhr"
    # No metadata: htmldate reads the date from the page's markup, the time agrees with it.
    assert article.published_iso == "2024-03-05T08:30:00"
    assert article.site_name is None


def test_date_line_falls_back_to_iso_when_nothing_printed():
    page = (
        '<html lang="en"><head><meta property="article:published_time" '
        'content="2024-01-02T03:04:05Z"></head><body><article><h1>Quiet day</h1>'
        "<p>Nothing at all happened in the village today, and residents said they liked it.</p>"
        "</article></body></html>"
    )
    article = extract_article(page)
    assert article.date_line == "2024-01-02T03:04:05Z"
    assert article.published_iso == "2024-01-02T03:04:05+00:00"
    assert article.text.startswith("Quiet day\n\n")


def test_language_from_og_locale_and_json_ld():
    body = "<body><h1>Titel</h1><p>Ein ganz normaler Absatz mit genug Text für einen Artikel.</p>"
    og_locale = '<meta property="og:locale" content="pt_BR">'
    assert extract_article(f"<html><head>{og_locale}</head>{body}").language == "pt"
    json_ld = (
        '<script type="application/ld+json">'
        '{"@type":"NewsArticle","headline":"Titel","inLanguage":"nl-BE"}</script>'
    )
    assert extract_article(f"<html><head>{json_ld}</head>{body}").language == "nl"
    assert extract_article(f'<html lang="iw">{body}').language == "he"


# ------------------------------------------------------------------ encodings


def test_windows_1251_bytes_with_meta_charset():
    article = extract_article(load("ru_cp1251")[0])
    assert article.title.startswith("В Самаре открыли")
    assert article.language == "ru"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "shift_jis", "gb18030", "iso-8859-7"]
)
def test_encodings_round_trip(encoding):
    sample = {
        "shift_jis": "町の図書館",
        "gb18030": "共享厨房",
        "iso-8859-7": "Νέα γραμμή",
    }.get(encoding, "Ça déménage à Zürich")
    paragraph = f"{sample} — " + "texte ordinaire du corps de l'article. " * 3
    if encoding in ("shift_jis", "gb18030"):
        paragraph = f"{sample}。" * 12
    elif encoding == "iso-8859-7":
        paragraph = f"{sample}, όπως λένε οι κάτοικοι. " * 6
    page = (
        f'<html><head><meta charset="{encoding}"><title>{sample}</title></head>'
        f"<body><h1>{sample}</h1><p>{paragraph}</p></body></html>"
    )
    data = page.encode(encoding)
    assert sample in decode_html(data)
    assert extract_article(data).title == sample


def test_wrong_declared_charset_still_decodes_utf8():
    page = '<meta charset="iso-8859-1"><h1>Größe</h1><p>Große Äpfel, sagt der Händler.</p>'
    assert "Größe" in decode_html(page.encode("utf-8"))


def test_undeclared_legacy_bytes_are_guessed():
    text = "Отличная новость для жителей города: открылась новая школа. " * 5
    assert "новая школа" in decode_html(f"<p>{text}</p>".encode("cp1251"))


# ------------------------------------------------------------------ junk


JUNK = [
    "",
    b"",
    "   ",
    "plain text without any markup at all",
    b"\x00\x01\x02\xff\xfe\x00binary",
    bytes(range(256)) * 40,
    "<html><body><p>trunc",
    "<<<>>>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": [1, {</script>',
    "<div>" * 5000 + "deep" + "</div>" * 10,
    "<html><body><nav><a href='/'>Home</a></nav><footer>© 2024</footer></body></html>",
    b"\xef\xbb\xbf<html><body></body></html>",
    "<p>\ud800 lone surrogate</p>",
]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_never_raises(junk):
    # An exception fails the test; and no junk page may pass for an article either.
    assert extract_article(junk) is None
    assert extract_text(junk) is None


def test_pages_without_article_text_give_none():
    assert extract_text("") is None
    assert extract_text(b"\x00\x01\x02") is None
    assert extract_text("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None


def test_non_string_input_gives_none():
    assert extract_text(None) is None  # type: ignore[arg-type]
    assert extract_article(12345) is None  # type: ignore[arg-type]


def test_huge_input_is_capped():
    page, expected = load("fr_classic")
    headline = expected.split("\n\n", 1)[0]
    filler = b"<div class='x'>" + b"<p>filler text here</p>" * 2_500_000 + b"</div>"
    assert len(filler) > 10 * MAX_INPUT_BYTES  # the premise: 50+ MB, far past the cap
    # An article within the first MAX_INPUT_BYTES is still found...
    assert extract_text(page[:-20] + filler).startswith(headline + "\n\n")
    # ...and one past them is never read.
    assert extract_text(b" " * MAX_INPUT_BYTES + page) is None


def test_teaser_grid_does_not_outweigh_the_article():
    page, expected = load("fr_classic")
    card = (
        '<div class="card"><a href="/s/{0}"><h3>Teaser headline {0} about local politics</h3>'
        "</a><p>A short summary of another story that sits in the grid below the article.</p></div>"
    )
    grid = "<div class='grid'>" + "".join(card.format(i) for i in range(300)) + "</div>"
    # Without JSON-LD the density score alone must still find the article.
    page = page.replace(b"application/ld+json", b"text/plain").replace(
        b"<footer", grid.encode() + b"<footer", 1
    )
    assert token_f1(extract_text(page), expected)[2] >= 0.95


def test_token_f1_helper():
    assert token_f1("a b c", "a b c") == (1.0, 1.0, 1.0)
    assert token_f1(None, "a") == (0.0, 0.0, 0.0)
    precision, recall, _ = token_f1("a b", "a b c d")
    assert (precision, recall) == (1.0, 0.5)
    assert token_f1("共享厨房", "共享")[0] == 0.5  # CJK counts per character
