"""Word by word in a browser: the word said is highlighted and moves on; a click plays from it."""

import pytest

from tests.browser.test_player import AUDIO, LONG, body_sentence, cue_of, listen, open_article

pytestmark = pytest.mark.browser

WORD = "document.querySelector('article').dataset.word"
HIGHLIGHTED = "[...CSS.highlights.get('reader-word') || []].map((r) => r.toString()).join('|')"


def test_the_word_highlight_moves_through_the_sentence(page, server, tmp_path):
    open_article(page, server)
    listen(page)
    page.wait_for_function(f"Boolean({WORD})", timeout=LONG)
    first, highlighted = page.evaluate(f"[{WORD}, {HIGHLIGHTED}]")
    assert highlighted == first  # one range: the word shown
    page.wait_for_function(f"{WORD} && {WORD} !== {first!r}", timeout=LONG)
    second = page.evaluate(WORD)
    assert second and second != first
    assert page.get_attribute("#player-words", "aria-pressed") == "true"  # espeak-ng timed them
    page.screenshot(path=str(tmp_path / "word-by-word.png"))


def test_clicking_a_word_plays_from_that_word(page, server):
    open_article(page, server)
    listen(page)
    sentence = body_sentence(page, 2)
    cue = cue_of(page, sentence)
    word = cue["words"][len(cue["words"]) // 2]
    box = page.evaluate(
        """([el, from, to]) => {
            const nodes = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) nodes.push(walker.currentNode);
            let seen = 0;
            for (const node of nodes) {
              if (from < seen + node.data.length) {
                const range = document.createRange();
                range.setStart(node, from - seen);
                range.setEnd(node, Math.min(to - seen, node.data.length));
                range.startContainer.parentElement.scrollIntoView({block: 'center'});
                const r = range.getClientRects()[0];
                return {x: r.left + r.width / 2, y: r.top + r.height / 2};
              }
              seen += node.data.length;
            }
            return null;
        }""",
        [sentence.element_handle(), word["from"], word["to"]],
    )
    page.evaluate(
        f"window.seeks = []; {AUDIO}.addEventListener('seeked', () => "
        f"window.seeks.push({AUDIO}.currentTime));"
    )
    page.mouse.click(box["x"], box["y"])
    page.wait_for_function(f"window.seeks.length > 0 && !{AUDIO}.paused", timeout=LONG)
    landed = page.evaluate("window.seeks[window.seeks.length - 1]")
    assert abs(landed - word["start"]) < 0.1, (landed, word, cue["start"])
    assert landed > cue["start"] + 0.2  # the word, not the sentence's start
    text = cue["text"][word["from"] : word["to"]]
    page.wait_for_function(f"{WORD} === {text!r}", timeout=LONG)
