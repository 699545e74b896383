// navigation.js — jumps through the reading: to a sentence, by sentence or paragraph, even before it is rendered.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { setStatus } from "./messages.js";
import { cueAt, paragraphOf, playable, startPolling } from "./track.js";
import { highlight, hideBackButton, markCurrent } from "./follow-along.js";
import { play, seekTo, start } from "./transport.js";

// Jump to a cue: show it at once, then move the audio there (Chrome waits for streamed bytes).
function goTo(cue, { andPlay = false } = {}) {
  state.following = true;
  hideBackButton();
  highlight(cue);
  // A hair past the start, so a time read back just under it still falls in this cue.
  seekTo(cue.start + 0.02);
  if (andPlay) play();
}

// A jump to a sentence not rendered yet waits for the status poll to bring its cue.
export function goToWhenReady(find, andPlay, element) {
  const cue = find(state.cues);
  if (cue) { goTo(cue, { andPlay }); return; }
  state.pending = { find, andPlay };
  if (element) markCurrent(element);
  if (!state.started) start();
  else startPolling();
  setStatus(ui.status.dataset.textPreparing);
}

export function resolvePending() {
  // Before the source is set, a seek would be lost when it is set: start() calls again.
  if (!state.pending || !ui.audio.getAttribute("src")) return;
  const cue = state.pending.find(state.cues);
  if (cue) {
    const { andPlay } = state.pending;
    state.pending = null;
    goTo(cue, { andPlay });
    if (!ui.audio.paused && !ui.status.dataset.progress) setStatus("");
  } else if (state.complete) {
    state.pending = null;
  }
}

function currentIndex() {
  const cue = state.current || cueAt(ui.audio.currentTime);
  return cue ? state.cues.indexOf(cue) : -1;
}

export function stepSentence(delta) {
  if (!state.started) { start(); return; }
  let index = currentIndex() + delta;
  while (state.cues[index] && !playable(state.cues[index])) index += delta;
  if (index < 0) index = state.cues.findIndex(playable);
  const cue = state.cues[index];
  if (cue) goTo(cue);
  else if (delta > 0 && !state.complete) goToWhenReady((cues) => cues.slice(currentIndex() + 1).find(playable), false);
}

export function stepParagraph(delta) {
  if (!state.started) { start(); return; }
  const index = currentIndex();
  const here = state.cues[index] ? paragraphOf(state.cues[index]) : -1;
  const firsts = [];
  state.cues.forEach((cue) => {
    if (playable(cue) && !firsts.some((first) => paragraphOf(first) === paragraphOf(cue))) firsts.push(cue);
  });
  const position = firsts.findIndex((first) => paragraphOf(first) === here);
  const target = firsts[position + delta] || (delta < 0 ? firsts[0] : null);
  if (target) goTo(target);
  else if (delta > 0 && !state.complete) {
    goToWhenReady((cues) => cues.find((cue) => playable(cue) && paragraphOf(cue) > here), false);
  }
}
