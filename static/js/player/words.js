// words.js — word by word: the word being said highlighted inside the sentence, and a click on a word reads from it.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { elementFor } from "./track.js";
import { seekTo } from "./transport.js";
import { loadWordByWord, saveWordByWord } from "../store.js";

// The CSS Custom Highlight API marks a range of text without touching the page's elements, so
// the sentence spans, their report buttons and the text a reader selects stay as they are.
const HIGHLIGHT = "reader-word";
const supported = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
let shown = null; // the word highlighted now: { cue, word }
let frame = 0;

// On by default where the engine timed the words itself (espeak-ng); estimated timings (the
// neural voices give none) are off unless the listener turns them on. Their choice is kept.
function enabledFor(cue) {
  const choice = loadWordByWord();
  if (choice === true || choice === false) return choice;
  return Boolean(cue && cue.words_from_engine);
}

// The text nodes of a sentence as the page shows it, without its report button.
function textNodes(element) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest(".s__report") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

// A DOM range over characters [from, to) of the sentence's own text.
function rangeOf(element, from, to) {
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (const node of textNodes(element)) {
    const length = node.data.length;
    if (!started && from < seen + length) { range.setStart(node, from - seen); started = true; }
    if (started && to <= seen + length) { range.setEnd(node, to - seen); return range; }
    seen += length;
  }
  return null;
}

function wordAt(cue, time) {
  if (!cue || !cue.words) return null;
  return cue.words.find((word) => word.start <= time && time < word.end) || null;
}

function clear() {
  if (!shown) return;
  shown = null;
  CSS.highlights.delete(HIGHLIGHT);
  delete ui.article.dataset.word;
}

function show(cue, word) {
  if (shown && shown.cue === cue && shown.word === word) return;
  const element = elementFor(cue);
  const range = element && rangeOf(element, word.from, word.to);
  if (!range) { clear(); return; }
  shown = { cue, word };
  CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  ui.article.dataset.word = range.toString(); // what is highlighted, for assistive tests
}

let toggle = null;

function update() {
  const cue = state.current;
  const enabled = enabledFor(cue);
  if (toggle && cue) toggle.setAttribute("aria-pressed", String(enabled));
  const word = enabled ? wordAt(cue, ui.audio.currentTime) : null;
  if (word) show(cue, word);
  else clear();
}

// timeupdate comes four times a second, slower than words: while playing, every frame.
function loop() {
  update();
  frame = ui.audio.paused ? 0 : window.requestAnimationFrame(loop);
}

// The character of the sentence's text under the pointer, or -1.
function offsetAt(event, element) {
  let node = null;
  let offset = 0;
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(event.clientX, event.clientY);
    if (position) ({ offsetNode: node, offset } = position);
  } else if (document.caretRangeFromPoint) {
    const range = document.caretRangeFromPoint(event.clientX, event.clientY);
    if (range) { node = range.startContainer; offset = range.startOffset; }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return -1;
  let seen = 0;
  for (const text of textNodes(element)) {
    if (text === node) return seen + offset;
    seen += text.data.length;
  }
  return -1;
}

// After follow-along has moved to the clicked sentence: on to the clicked word, when its cue is
// rendered (a sentence still rendering starts from its beginning).
function readFromWord(event) {
  const sentence = event.target.closest(".s");
  if (!sentence || state.pending || event.target.closest("a, button")) return;
  const cue = state.current;
  if (!cue || !cue.words || elementFor(cue) !== sentence) return;
  const at = offsetAt(event, sentence);
  const word = cue.words.find((candidate) => at >= candidate.from && at < candidate.to)
    || cue.words.find((candidate) => candidate.from >= at);
  if (!word || at < 0) return;
  seekTo(word.start + 0.01);
  update();
}

// The bar's button shows whether words are followed in the sentence being read, and turns it
// on or off for good in this browser.
function setUpToggle() {
  toggle = document.getElementById("player-words");
  if (!toggle) return;
  toggle.hidden = false;
  toggle.setAttribute("aria-pressed", String(enabledFor(null)));
  toggle.addEventListener("click", () => {
    const on = toggle.getAttribute("aria-pressed") !== "true";
    saveWordByWord(on);
    toggle.setAttribute("aria-pressed", String(on));
    update();
  });
}

export function setUpWords() {
  if (!supported) return;
  const { audio } = ui;
  audio.addEventListener("play", () => { if (!frame) frame = window.requestAnimationFrame(loop); });
  audio.addEventListener("seeked", update);
  audio.addEventListener("timeupdate", update);
  ui.body.addEventListener("click", readFromWord);
  setUpToggle();
}
