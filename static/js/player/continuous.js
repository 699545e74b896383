// continuous.js — the queue in the player: "Up next", the next article fetched ahead and played on in place, next/previous track.
import { ui } from "./elements.js";
import { resetState, state } from "./state.js";
import { setBusy, setListenLabel, setStatus, showError } from "./messages.js";
import { fetchStatus, knownDuration, withFormat } from "./track.js";
import { stepSentence } from "./navigation.js";
import { play, seekTo, start } from "./transport.js";
import { highlight, markCurrent } from "./follow-along.js";
import { canBeHeard, fetchArticlePage, setUpHistory, swapArticle } from "./article-swap.js";
import * as queue from "../queue.js";
import * as store from "../store.js";
import { sleepSetting } from "../settings.js";

// The next article is fetched ahead once this one is rendered, or this many seconds before its
// end: its page and its status (which starts its render, first sentences first).
const FETCH_AHEAD_SECONDS = 45;
// A queue whose next pages all fail to load stops after this many tries, not in a loop.
const MAX_SKIPS = 5;

let ahead = null; // { id, page: Promise<Document>, status: Promise<object> }
let switching = false;

function fetchAhead(item) {
  if (ahead && ahead.id === item.id) return ahead;
  const page = fetchArticlePage(item.page);
  // Its status with this browser's choices for that article (format, voice, hashtags): the same
  // URL the player asks once switched, so the render started is the one it will hear.
  const status = page.then((fetched) => statusOf(fetched));
  page.catch(() => {});
  status.catch(() => {});
  ahead = { id: item.id, page, status };
  return ahead;
}

async function statusOf(page) {
  const article = page.querySelector("article[data-status-url]");
  const saved = { id: ui.articleId, lang: ui.article.lang };
  // withFormat reads the article id and language from `ui`: lend it the next article's.
  ui.articleId = article.dataset.articleId;
  ui.article.lang = article.lang;
  let url;
  try { url = withFormat(article.dataset.statusUrl); } finally {
    ui.articleId = saved.id;
    ui.article.lang = saved.lang;
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

// ---- "Up next" and the queue button in the bar ------------------------------------------------

function showUpNext() {
  const next = queue.itemAfter(ui.articleId);
  const line = ui.bar.querySelector(".player__next");
  if (line) {
    line.hidden = !next;
    const title = line.querySelector(".player__next-title");
    title.textContent = next ? next.title : "";
    if (next && next.lang) title.lang = next.lang;
  }
  const { items } = queue.getQueue();
  const toggle = document.getElementById("player-queue-toggle");
  if (toggle) {
    toggle.hidden = items.length === 0;
    toggle.querySelector(".player__queue-count").textContent = items.length ? String(items.length) : "";
    if (!items.length) closePanel();
  }
  if (ahead && (!next || ahead.id !== next.id)) ahead = null;
}

function closePanel() {
  const panel = document.getElementById("queue");
  const toggle = document.getElementById("player-queue-toggle");
  if (panel && !panel.hidden) panel.hidden = true;
  if (toggle) toggle.setAttribute("aria-expanded", "false");
}

function setUpToggle() {
  const toggle = document.getElementById("player-queue-toggle");
  const panel = document.getElementById("queue");
  if (!toggle || !panel) return;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    document.documentElement.style.setProperty("--player-height", `${ui.bar.offsetHeight}px`);
  });
  // Escape closes it, from inside it or from its button; the focus goes back to the button.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || panel.hidden) return;
    const inside = panel.contains(document.activeElement);
    closePanel();
    if (inside) toggle.focus();
  });
}

// ---- playing on -------------------------------------------------------------------------------

// The article `item` in place of this one, playing from its saved place or its start.
export async function playItem(item, skips = 0) {
  if (!item || switching) return;
  switching = true;
  const wasPlaying = !ui.audio.paused;
  const fetched = fetchAhead(item);
  ahead = null;
  let page;
  try {
    page = await fetched.page;
  } catch (error) {
    switching = false;
    // A page gone (deleted article): on to the one after it.
    const after = queue.itemAfter(item.id);
    if (after && skips < MAX_SKIPS) { playItem(after, skips + 1); return; }
    showError(null);
    return;
  }
  if (!canBeHeard(page)) {
    switching = false;
    const after = queue.itemAfter(item.id);
    if (after && skips < MAX_SKIPS) playItem(after, skips + 1);
    return;
  }
  const status = await fetched.status.catch(() => null);
  if (wasPlaying) ui.audio.pause();
  resetState();
  highlight(null);
  markCurrent(null);
  swapArticle(page, item.page);
  queue.setCurrent(item.id);
  showUpNext();
  setListenLabel("Play");
  setStatus("");
  setBusy(true);
  const place = store.loadPlace(item.id);
  const at = place && place.time > 3 ? place.time : 0;
  switching = false;
  window.scrollTo({ top: 0 });
  await start(status ? { at, status } : { at });
}

// Media Session's "next track" and "previous track": the queue's neighbours, else sentences.
export function nextTrack() {
  const next = queue.itemAfter(ui.articleId);
  if (next) playItem(next);
  else stepSentence(1);
}

export function previousTrack() {
  const before = queue.itemBefore(ui.articleId);
  if (before) playItem(before);
  else if (ui.audio.currentTime > 3 || !state.started) seekTo(0);
  else stepSentence(-1);
}

function onTime() {
  if (!state.started || switching) return;
  const next = queue.itemAfter(ui.articleId);
  if (!next || (ahead && ahead.id === next.id)) return;
  const left = knownDuration() - ui.audio.currentTime;
  if (state.complete || (state.cues.length && left < FETCH_AHEAD_SECONDS)) fetchAhead(next);
}

function onEnded() {
  // The sleep timer set to "the end of the article" stops here (sleep.js pauses and says so).
  if (sleepSetting() === "end") return;
  const next = queue.itemAfter(ui.articleId);
  if (next) playItem(next);
}

export function setUpContinuous() {
  setUpHistory();
  setUpToggle();
  showUpNext();
  window.addEventListener(queue.QUEUE_CHANGED, showUpNext);
  ui.audio.addEventListener("playing", () => queue.setCurrent(ui.articleId));
  ui.audio.addEventListener("timeupdate", onTime);
  ui.audio.addEventListener("ended", onEnded);
  // A queued article clicked in the bar's queue plays here, in place.
  const panel = document.getElementById("queue");
  if (panel) panel.addEventListener("click", (event) => {
    const link = event.target.closest(".queue__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    const id = link.closest(".queue__item").dataset.id;
    const item = queue.getQueue().items.find((kept) => kept.id === id);
    if (!item) return;
    event.preventDefault();
    if (item.id === ui.articleId) { if (ui.audio.paused) play(); return; }
    playItem(item);
  });
}

// Opened from "Listen to all", "Listen to results" or the queue: the article starts by itself
// (a browser that allows no autoplay leaves the bar open on Play).
export function startFromQueue() {
  if (queue.takeStartOnArrival(ui.articleId) && !ui.listenButton.disabled) start({ at: resumeAt() });
}

function resumeAt() {
  const place = store.loadPlace(ui.articleId);
  return place && place.time > 3 ? place.time : 0;
}
