"""The reading policy: title and spoken date first, pauses, hashtags, voices per language."""

from reader.speech.policy import (
    PAUSE_AFTER_HEADING_MS,
    PAUSE_BETWEEN_PARAGRAPHS_MS,
    plan_reading,
)


def test_title_then_the_date_as_the_page_shows_it_then_the_body(french_article):
    plan = plan_reading(french_article)
    assert plan[0].kind == "title" and plan[0].display == french_article.title
    assert plan[1].kind == "date" and plan[1].display == "5 décembre 2024, 11h58"
    assert "heures" in plan[1].spoken  # "11h58" is spoken as "11 heures 58"
    assert plan[2].display.startswith("Plus de dix mille soldats")


def test_pauses_after_headings_and_between_paragraphs(french_article):
    plan = plan_reading(french_article)
    heading = next(u for u in plan if u.kind == "heading")
    assert heading.pause_ms == PAUSE_AFTER_HEADING_MS
    last_of_first_paragraph = [u for u in plan if u.block_position == 0][-1]
    assert last_of_first_paragraph.pause_ms == PAUSE_BETWEEN_PARAGRAPHS_MS


def test_hashtags_are_skipped_by_default_and_read_as_words_when_asked(french_article):
    assert not any(u.kind == "hashtags" for u in plan_reading(french_article))
    tags = [u for u in plan_reading(french_article, read_hashtags=True) if u.kind == "hashtags"]
    assert len(tags) == 1 and "#" not in tags[0].spoken
    assert "Premières" in tags[0].spoken


def test_numbers_are_normalized_for_speech(french_article):
    spoken = " ".join(u.spoken for u in plan_reading(french_article))
    assert "onzième brigade" in spoken  # "11e brigade"


def test_a_confident_english_quote_gets_the_english_voice(app, session):
    from reader.library.articles import store_article
    from reader.library.draft import ArticleDraft, DraftBlock

    quote = "The situation on the front line is very difficult and we need more help now."
    draft = ArticleDraft(
        title="Le président ukrainien s’exprime devant la presse internationale",
        date_line="5 décembre 2024, 11h58",
        blocks=(
            DraftBlock(
                "paragraph",
                "Le président a parlé longuement aux journalistes réunis à Kiev ce matin. "
                f"{quote} Il a ensuite quitté la salle sans répondre aux questions.",
            ),
        ),
    )
    article, _ = store_article(session, draft)
    service = app.extensions["reader.speech"]
    request, jobs = service.request(article)
    voices = {u.display: job.options.voice for u, job in zip(request.utterances, jobs, strict=True)}
    assert voices[quote] == "gmw/en"
    assert voices[article.title] == "roa/fr"


def test_a_readers_language_override_picks_the_voice_for_the_whole_text(
    app, session, french_article
):
    from reader.library.articles import override_language

    override_language(session, french_article, "de")
    plan = plan_reading(french_article)
    assert {u.lang for u in plan} == {"de"}
    service = app.extensions["reader.speech"]
    _, jobs = service.request(french_article)
    assert {job.options.voice for job in jobs} == {"gmw/de"}
