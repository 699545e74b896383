// continuous.js — the queue in the player: "Up next", the next article fetched ahead and played on in place, next/previous track.
import { ui } from "./elements.js";
import { resetState, state } from "./state.js";
import { setBusy, setListenLabel, setStatus, showError } from "./messages.js";
import { knownDuration, withFormat } from "./track.js";
import { stepSentence } from "./navigation.js";
import { play, seekTo, start } from "./transport.js";
import { highlight, markCurrent } from "./follow-along.js";
import { canBeHeard, fetchArticlePage, setUpHistory, swapArticle } from "./article-swap.js";
import * as queue from "../queue.js";
import * as store from "../store.js";
import { sleepSetting } from "../settings.js";

// The next article is fetched ahead once this one is rendered, or this many seconds before its
// end: its page and its status (which starts its render, first sentences first), then, once
// rendered, its audio, so that it starts from memory when this one ends.
const FETCH_AHEAD_SECONDS = 45;
// A queue whose next pages all fail to load stops after this many tries, not in a loop.
const MAX_SKIPS = 5;
// Audio larger than this (hours) is streamed when its turn comes rather than held in memory.
const MAX_AHEAD_BYTES = 32 * 1024 * 1024;
// While the next article renders, its status is asked again at most this often.
const STATUS_EVERY_MS = 3000;

// { id, page: Promise<Document>, urls: Promise<{status, audio}>, status: latest status or null,
//   checkedAt, audio: a blob: URL of its rendered audio, or null, loading: that audio asked }
let ahead = null;
let switching = false;
let heldAudio = null; // the blob: URL playing now, released when the next one replaces it

function fetchAhead(item) {
  if (ahead && ahead.id === item.id) return ahead;
  forgetAhead();
  const page = fetchArticlePage(item.page);
  const entry = { id: item.id, page, urls: page.then(urlsOf), status: null, checkedAt: 0, audio: null, loading: false };
  page.catch(() => {});
  entry.urls.catch(() => {});
  ahead = entry;
  refreshAhead(entry);
  return entry;
}

function forgetAhead() {
  if (ahead && ahead.audio) URL.revokeObjectURL(ahead.audio);
  ahead = null;
}

// Its status with this browser's choices for that article (format, voice, hashtags): the same
// URLs the player asks once switched, so the render started is the one it will hear.
function urlsOf(page) {
  const article = page.querySelector("article[data-status-url]");
  const saved = { id: ui.articleId, lang: ui.article.lang };
  // withFormat reads the article id and language from `ui`: lend it the next article's.
  ui.articleId = article.dataset.articleId;
  ui.article.lang = article.lang;
  try {
    return { status: withFormat(article.dataset.statusUrl), audio: withFormat(article.dataset.audioUrl) };
  } finally {
    ui.articleId = saved.id;
    ui.article.lang = saved.lang;
  }
}

async function refreshAhead(entry) {
  entry.checkedAt = Date.now();
  try {
    const urls = await entry.urls;
    const response = await fetch(urls.status, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    entry.status = await response.json();
    if (entry.status.complete && !entry.audio && !entry.loading) holdAudio(entry, urls.audio);
  } catch (error) { /* its turn will fetch it again */ }
}

async function holdAudio(entry, url) {
  entry.loading = true;
  try {
    const response = await fetch(url);
    const length = Number(response.headers.get("Content-Length"));
    if (!response.ok || !length || length > MAX_AHEAD_BYTES) { response.body && response.body.cancel(); return; }
    const blob = await response.blob();
    if (ahead === entry) entry.audio = URL.createObjectURL(blob);
  } catch (error) { /* streamed when its turn comes */ }
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
  if (ahead && (!next || ahead.id !== next.id)) forgetAhead();
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
    panel.hidden = !open; // it opens above the bar, over the page: the bar keeps its height
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
  let page;
  try {
    page = await fetched.page;
  } catch (error) {
    switching = false;
    forgetAhead();
    // A page gone (deleted article): on to the one after it.
    const after = queue.itemAfter(item.id);
    if (after && skips < MAX_SKIPS) { playItem(after, skips + 1); return; }
    showError(null);
    return;
  }
  if (!canBeHeard(page)) {
    switching = false;
    forgetAhead();
    const after = queue.itemAfter(item.id);
    if (after && skips < MAX_SKIPS) playItem(after, skips + 1);
    return;
  }
  if (!fetched.status) await refreshAhead(fetched);
  const { status, audio } = fetched;
  ahead = null; // its audio URL is handed over to the player below
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
  if (heldAudio) URL.revokeObjectURL(heldAudio);
  heldAudio = audio;
  const options = { at };
  if (status) options.status = status;
  if (audio && status && status.complete) options.source = audio;
  await start(options);
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
  if (!next) return;
  if (ahead && ahead.id === next.id) {
    // Still rendering when last asked: ask again, now and then, until its audio can be held.
    const due = Date.now() - ahead.checkedAt > STATUS_EVERY_MS;
    if (ahead.status && !ahead.status.complete && due) refreshAhead(ahead);
    return;
  }
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
