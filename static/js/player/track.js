// track.js — the timing track: fetched and polled while the audio renders, and the cues found in it.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { fill } from "./format.js";
import { setStatus, showError } from "./messages.js";
import { resolvePending } from "./navigation.js";
import { updateTime } from "./timeline.js";
import { loadListeningLanguage } from "../store.js";
import { chosenHashtags, chosenVoice } from "../settings.js";

let audioFormat = null;

// Ogg/Opus is half the size of MP3 and renders faster; browsers without it get MP3. A language
// the listener chose for themselves, and their reading settings (a voice for that language,
// hashtags read or skipped), ride along on every request for this article's audio.
export function withFormat(url) {
  if (!audioFormat) audioFormat = ui.audio.canPlayType('audio/ogg; codecs="opus"') ? "opus" : "mp3";
  const language = loadListeningLanguage(ui.articleId);
  const params = new URLSearchParams({ format: audioFormat });
  if (language) params.set("language", language);
  const voice = chosenVoice(language || ui.article.lang);
  if (voice) params.set("voice", voice);
  const hashtags = chosenHashtags();
  if (hashtags) params.set("hashtags", hashtags);
  return `${url}${url.includes("?") ? "&" : "?"}${params}`;
}

// Each answer carries a page of the timing track: the cues from the first one not held yet.
export async function fetchStatus() {
  const url = `${withFormat(ui.article.dataset.statusUrl)}&from=${state.cues.length}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.error && body.error.message) || ui.status.dataset.textError);
  return body;
}

export function applyStatus(body) {
  const { status, audio } = ui;
  if (body.timings && body.timings.length && body.timings_from === state.cues.length) {
    state.cues = state.cues.concat(body.timings);
  }
  // A long track comes in pages: while more cues are ready than held, the next page at once.
  const behind = state.cues.length < (body.timings_ready || 0);
  state.complete = Boolean(body.complete) && !behind;
  if (behind && body.timings && body.timings.length) fetchStatus().then(applyStatus).catch(() => { /* the poll asks again */ });
  if (state.complete) {
    stopPolling();
    if (body.total && body.failed && body.failed.length === body.total) {
      showError(status.dataset.textEngine);
      return;
    }
    if (body.failed && body.failed.length) {
      // Playback goes on without them; say so rather than skip in silence.
      delete status.dataset.progress;
      setStatus(status.dataset.textSkipped);
      resolvePending();
      updateTime();
      return;
    }
    // "Preparing…" stays until the audio plays; progress is done.
    if (!audio.paused || status.dataset.progress) setStatus("");
    delete status.dataset.progress;
  } else if (state.started) {
    status.dataset.progress = "1";
    setStatus(fill(status.dataset.textProgress, { done: body.done, total: body.total }));
  }
  resolvePending();
  updateTime();
}

export function startPolling() {
  if (state.polling || state.complete) return;
  state.polling = window.setInterval(() => {
    fetchStatus().then(applyStatus).catch(stopPolling);
  }, 700);
}

function stopPolling() {
  window.clearInterval(state.polling);
  state.polling = null;
}

// While rendering, the audio's duration is unknown (a stream); the track so far bounds it.
export function knownDuration() {
  const last = state.cues.length ? state.cues[state.cues.length - 1].end : 0;
  if (state.complete && last) return last;
  if (Number.isFinite(ui.audio.duration) && state.complete) return ui.audio.duration;
  return last;
}

export function playable(cue) {
  return cue && !cue.failed && cue.end > cue.start;
}

export function cueAt(time) {
  return state.cues.find((cue) => playable(cue) && cue.start <= time && time < cue.end) || null;
}

// The element of the page a cue reads: the title, the date, or a sentence span of a block.
export function elementFor(cue) {
  if (!cue) return null;
  if (cue.kind === "title") return ui.article.querySelector(".article__title");
  if (cue.kind === "date") return ui.article.querySelector(".article__meta time");
  if (cue.block === null || cue.block === undefined || !cue.span) return null;
  return ui.article.querySelector(`[data-block="${cue.block}"] .s[data-start="${cue.span[0]}"]`);
}

// A finder for the cue of a sentence element, usable before that cue is rendered.
export function cueFinderFor(element) {
  if (element.matches(".article__title")) return (cues) => cues.find((cue) => cue.kind === "title");
  const block = element.closest("[data-block]");
  if (!block) return () => null;
  const position = Number(block.dataset.block);
  const start = Number(element.dataset.start);
  return (cues) => cues.find((cue) => cue.block === position && cue.span && cue.span[0] === start);
}

// Title and date form the first "paragraph"; then one per data-block.
export function paragraphOf(cue) {
  return cue.block === null || cue.block === undefined ? -1 : cue.block;
}
