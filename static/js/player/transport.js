// transport.js — the hidden <audio> under our controls: starting the stream, play, pause, seek, speed.
import { ui } from "./elements.js";
import { state } from "./state.js";
import * as store from "../store.js";
import { fill, formatSpeed } from "./format.js";
import { announce, clearError, setBusy, setListenLabel, setStatus, showError } from "./messages.js";
import { applyStatus, fetchStatus, startPolling, withFormat } from "./track.js";
import { resolvePending } from "./navigation.js";
import { updateTime } from "./timeline.js";
import { updatePositionState } from "./media-session.js";
import { highlight } from "./follow-along.js";
import { cueAt, knownDuration } from "./track.js";
import { SETTINGS_CHANGED } from "../settings.js";

function openBar() {
  if (!ui.bar.hidden) return;
  ui.bar.hidden = false;
  document.documentElement.classList.add("has-player");
  measureBar();
}

// The page keeps room under its last line for the fixed bar, whatever its height.
function measureBar() {
  document.documentElement.style.setProperty("--player-height", `${ui.bar.offsetHeight}px`);
}

// First press: feedback at once, then the stream; the browser plays as soon as bytes arrive.
// `status` is one fetched already (the queue's next article, fetched ahead): no wait for it.
export async function start(options = {}) {
  state.started = true;
  state.resumeAt = null;
  ui.resumeOffer.hidden = true;
  clearError();
  openBar();
  setBusy(true);
  setStatus(ui.status.dataset.textPreparing);
  try {
    applyStatus(options.status || await fetchStatus());
  } catch (error) {
    state.started = false;
    ui.bar.hidden = true;
    document.documentElement.classList.remove("has-player");
    showError(error.message);
    return;
  }
  if (!state.started) return;
  // `source`: the queue's next article, its rendered audio fetched ahead (a blob: URL).
  ui.audio.src = options.source || withFormat(ui.article.dataset.audioUrl);
  applySpeed(currentSpeed());
  if (options.at) seekTo(options.at);
  resolvePending();
  play();
  startPolling();
}

export function restart() {
  const at = ui.audio.currentTime;
  ui.audio.removeAttribute("src");
  ui.audio.load();
  state.started = false;
  state.complete = false;
  state.cues = []; // the new audio has its own track
  start({ at });
}

// Before the first start, playing resumes from the saved place when one is offered.
export function play() {
  if (!state.started) { start({ at: state.resumeAt || 0 }); return; }
  ui.audio.play().catch(() => { /* the error event explains failures */ });
}

export function togglePlay() {
  if (!state.started || ui.audio.paused || ui.audio.ended) play();
  else ui.audio.pause();
}

export function seekTo(time) {
  state.pending = null;
  ui.audio.currentTime = Math.max(0, time);
  updateTime();
}

// A jump by seconds (the ±15 s buttons, the seek bar's keys), within what is rendered so far.
export function jumpTo(time) {
  if (!state.started) return;
  const end = knownDuration();
  const target = Math.max(0, Math.min(time, end > 0 ? Math.max(0, end - 0.05) : 0));
  state.following = true;
  seekTo(target);
  const cue = cueAt(target);
  if (cue) highlight(cue);
}

export function jumpBy(seconds) {
  jumpTo(ui.audio.currentTime + seconds);
}

// ---- speed ----------------------------------------------------------------------------

// The saved speed, snapped to the nearest one offered (the offer may have changed since).
export function currentSpeed() {
  const saved = Number(store.loadSpeed());
  if (!Number.isFinite(saved) || saved <= 0) return 1;
  return ui.speeds.reduce((best, speed) => (Math.abs(speed - saved) < Math.abs(best - saved) ? speed : best), 1);
}

// defaultPlaybackRate too: loading a new source resets playbackRate to it.
export function applySpeed(speed) {
  ui.audio.preservesPitch = true;
  ui.audio.defaultPlaybackRate = speed;
  ui.audio.playbackRate = speed;
  ui.speedSelect.value = String(speed);
  updatePositionState();
}

function setSpeed(speed) {
  applySpeed(speed);
  store.saveSpeed(speed);
  window.dispatchEvent(new CustomEvent("reader:speed", { detail: { speed } }));
  announce(fill(ui.bar.dataset.textSpeed, { speed: formatSpeed(speed) }));
}

export function stepSpeed(delta) {
  const index = ui.speeds.indexOf(Number(ui.speedSelect.value));
  const next = ui.speeds[Math.min(ui.speeds.length - 1, Math.max(0, index + delta))];
  if (next !== undefined) setSpeed(next);
}

// ---- wiring ---------------------------------------------------------------------------

export function setUpTransport() {
  const { audio, bar, listenButton, playButton, speedSelect, status } = ui;

  // Listen resumes from the saved place when there is one; "Start over" is the offer's other button.
  listenButton.addEventListener("click", togglePlay);
  speedSelect.addEventListener("change", () => setSpeed(Number(speedSelect.value)));

  audio.addEventListener("playing", () => {
    setBusy(false);
    listenButton.dataset.playing = "";
    bar.dataset.playing = "";
    playButton.setAttribute("aria-label", bar.dataset.labelPause);
    setListenLabel("Pause");
    if (!state.polling) setStatus("");
    clearError();
    announce(bar.dataset.textPlaying);
  });
  audio.addEventListener("waiting", () => setBusy(true));
  audio.addEventListener("pause", () => {
    delete listenButton.dataset.playing;
    delete bar.dataset.playing;
    playButton.setAttribute("aria-label", bar.dataset.labelPlay);
    setBusy(false);
    if (audio.ended) return;
    setListenLabel("Resume");
    announce(bar.dataset.textPaused);
  });
  audio.addEventListener("ended", () => setListenLabel("Play"));
  audio.addEventListener("error", () => {
    if (!audio.getAttribute("src")) return;
    fetchStatus().then((body) => {
      const allFailed = body.total && body.failed && body.failed.length === body.total;
      showError(allFailed ? status.dataset.textEngine : null);
    }).catch((error) => showError(error.message));
  });

  window.addEventListener("resize", () => { if (!bar.hidden) measureBar(); });

  // The reading settings: a new speed applies at once; a voice or hashtag choice changes the
  // audio itself, so a reading in progress starts again with it, where it was.
  window.addEventListener(SETTINGS_CHANGED, (event) => {
    const { key } = event.detail;
    if (key === "speed") applySpeed(currentSpeed());
    else if ((key === "voices" || key === "hashtags") && state.started) restart();
  });
}
