"""The general rules the dev-data tuning added: regions that hold the article, repeated data
lines, and how our pick and trafilatura's are combined."""

from reader.library.extract import extract_text
from reader.library.extract.blocks import RawBlock
from reader.library.extract.cleanup import final_blocks
from reader.library.extract.fusion import fuse
from reader.library.extract.tokens import token_key

PROSE = [
    "The harbour authority confirmed on Tuesday that the new cranes will run without drivers.",
    "Engineers have spent two years testing the software on a quiet stretch of the quay.",
    "Unions said they would watch closely how the change affects the workers on each shift.",
    "The first ships are expected to be unloaded by the automated cranes early next spring.",
]


def paragraphs(texts):
    return [RawBlock("paragraph", text) for text in texts]


def test_an_article_left_inside_an_unclosed_sidebar_is_still_found():
    body = "".join(f"<p>{text} Part {i}.</p>" for i, text in enumerate(PROSE * 2))
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><aside class='sidebar'>"
        f"<div class='widget'><p>Most read</p></div><article><h1>Cranes</h1>{body}</article>"
        "</aside></body></html>"
    )
    text = extract_text(page)
    assert text is not None and PROSE[3] in text


def test_a_real_sidebar_stays_out():
    body = "".join(f"<p>{text} Part {i}.</p>" for i, text in enumerate(PROSE * 2))
    page = (
        f"<html><body><article><h1>Cranes</h1>{body}</article><aside>"
        "<p>Subscribe to our weekly newsletter for more stories like this one today.</p>"
        "</aside></body></html>"
    )
    assert "newsletter" not in extract_text(page)


def test_a_line_repeated_in_a_list_is_data_and_stays_once():
    blocks = [
        RawBlock("paragraph", PROSE[0]),
        RawBlock("paragraph", "Step right, then turn", tag="li"),
        RawBlock("paragraph", "Step right, then turn", tag="li"),
        RawBlock("paragraph", "Share this article", tag="p"),
        RawBlock("paragraph", PROSE[1]),
        RawBlock("paragraph", "Share this article", tag="p"),
    ]
    texts = [block.text for block in final_blocks(blocks, "Cranes", None)]
    assert texts == [PROSE[0], "Step right, then turn", PROSE[1]]


def test_trafilaturas_paragraphs_that_we_lack_join_ours_in_page_order():
    question = "How does one know when to use the past tense of this verb in such sentences?"
    own = paragraphs(PROSE)
    traf = paragraphs([question, PROSE[0]])
    kept = token_key(" ".join([question, *PROSE]))
    assert [block.text for block in fuse(own, traf, kept)] == [question, *PROSE]


def test_a_short_line_or_a_removed_teaser_does_not_join():
    teaser = "Read our other story about the port strike that shut the docks last winter."
    own = paragraphs(PROSE)
    traf = paragraphs(["Sign in", teaser, PROSE[0]])
    kept = token_key(" ".join(["Sign in", *PROSE]))  # the teaser was cleaned away as boilerplate
    assert [block.text for block in fuse(own, traf, kept)] == PROSE


def test_a_lead_past_a_subheading_comes_back_before_our_body():
    lead = "The port of Hamburg is testing driverless cranes, a first for a European harbour."
    own = paragraphs(PROSE[1:] * 3)
    traf = [
        RawBlock("heading", "Cranes without drivers"),
        RawBlock("paragraph", lead),
        RawBlock("heading", "Two years of tests"),
        *paragraphs(PROSE[1:] * 3),
        RawBlock("paragraph", PROSE[0] + " " + PROSE[0]),
        RawBlock("paragraph", PROSE[3] + " " + PROSE[1]),
    ]
    kept = token_key(" ".join(block.text for block in traf))
    texts = [block.text for block in fuse(own, traf, kept)]
    assert texts[:2] == [lead, "Two years of tests"]
