// place.js — where the reader stopped: saved as they listen, offered back when they return, cleared at the end.
import { ui } from "./elements.js";
import { state } from "./state.js";
import * as store from "../store.js";
import { fill, formatTime } from "./format.js";
import { announce, setListenLabel } from "./messages.js";
import { highlight } from "./follow-along.js";
import { seekTo, start } from "./transport.js";

// While playing, at most every two seconds; `force` on pause and when the page goes away.
function savePlace(force) {
  if (!state.started || ui.audio.ended) return;
  const now = Date.now();
  if (!force && now - state.savedAt < 2000) return;
  state.savedAt = now;
  store.savePlace(ui.articleId, { time: ui.audio.currentTime, at: now });
}

function finished() {
  store.forgetPlace(ui.articleId);
  store.markListened(ui.articleId, Date.now());
  highlight(null);
  announce(ui.bar.dataset.textFinished);
}

// A place in the first seconds is not worth offering. The offer sits fixed at the bottom of the
// window, wherever the page opens; Listen resumes too, and "Start over" is the second choice.
export function offerResume() {
  const place = store.loadPlace(ui.articleId);
  if (!place || !(place.time > 3) || ui.listenButton.disabled) return;
  const { resumeOffer } = ui;
  const text = resumeOffer.querySelector(".resume__text");
  text.textContent = fill(text.dataset.text, { time: formatTime(place.time) });
  state.resumeAt = place.time;
  setListenLabel("Resume");
  resumeOffer.hidden = false;
  document.getElementById("resume-button").addEventListener("click", () => {
    const at = state.resumeAt || place.time;
    if (state.started) seekTo(at);
    else start({ at });
    closeOffer();
  });
  document.getElementById("restart-button").addEventListener("click", () => {
    store.forgetPlace(ui.articleId);
    state.resumeAt = null;
    if (state.started) seekTo(0);
    else start({ at: 0 });
    closeOffer();
  });
}

function closeOffer() {
  ui.resumeOffer.hidden = true;
  ui.playButton.focus();
}

export function setUpPlace() {
  const { audio } = ui;
  audio.addEventListener("pause", () => savePlace(true));
  audio.addEventListener("ended", finished);
  audio.addEventListener("timeupdate", () => savePlace(false));
  window.addEventListener("pagehide", () => savePlace(true));
}
