// follow-along.js — the sentence being read: highlighted, kept in view until the reader scrolls away, clicked to read from.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { cueAt, cueFinderFor, elementFor } from "./track.js";
import { goToWhenReady } from "./navigation.js";

export function markCurrent(element) {
  if (element === state.currentElement) return;
  if (state.currentElement) state.currentElement.removeAttribute("aria-current");
  state.currentElement = element;
  if (element) element.setAttribute("aria-current", "true");
}

export function highlight(cue) {
  state.current = cue;
  const element = elementFor(cue);
  if (element === state.currentElement) return;
  markCurrent(element);
  if (element && state.following) scrollToCurrent();
  else if (element) updateBackButton();
}

// The fixed bar covers the bottom of the window.
function visibleBottom() {
  return window.innerHeight - (ui.bar.hidden ? 0 : ui.bar.offsetHeight);
}

// Wholly in view: otherwise following scrolls to it.
function inView(element) {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= visibleBottom();
}

// Partly in view: the reader has not scrolled away from it.
function partlyInView(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < visibleBottom();
}

function scrollToCurrent() {
  const element = state.currentElement;
  if (!element || inView(element)) return;
  state.autoScrollUntil = performance.now() + 1500;
  const box = element.getBoundingClientRect();
  const target = window.scrollY + box.top - (visibleBottom() - box.height) / 2;
  window.scrollTo({ top: Math.max(0, target), behavior: ui.reducedMotion.matches ? "auto" : "smooth" });
}

// A scroll we did not make, leaving the sentence out of view, pauses following; scrolling
// back to it resumes following.
function onScroll() {
  if (!state.currentElement || !state.started) return;
  const ours = performance.now() < state.autoScrollUntil && performance.now() - state.userScrollAt > 300;
  if (ours) return;
  if (partlyInView(state.currentElement)) {
    state.following = true;
    hideBackButton();
  } else {
    state.following = false;
    updateBackButton();
  }
}

// Wheel, touch and scrolling keys are the reader's own: the scroll they start is not ours.
export function noteUserScroll() {
  state.userScrollAt = performance.now();
  state.autoScrollUntil = 0;
}

// The "back to the reading" button points up or down to where the sentence went.
function updateBackButton() {
  if (state.following || !state.currentElement) { hideBackButton(); return; }
  const above = state.currentElement.getBoundingClientRect().bottom < 0;
  ui.backButton.classList.toggle("follow-back--down", !above);
  ui.backButton.hidden = false;
}

export function hideBackButton() {
  const { backButton } = ui;
  if (backButton.hidden) return;
  const hadFocus = document.activeElement === backButton;
  backButton.hidden = true;
  if (hadFocus) ui.playButton.focus();
}

export function setUpFollowAlong() {
  const { audio, backButton } = ui;
  backButton.addEventListener("click", () => {
    state.following = true;
    backButton.hidden = true;
    scrollToCurrent();
    ui.playButton.focus();
  });

  // Clicking or tapping a sentence reads from there (not when the reader is selecting text).
  ui.body.addEventListener("click", (event) => {
    const sentence = event.target.closest(".s");
    if (!sentence || ui.listenButton.disabled || event.target.closest("a")) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    state.following = true;
    hideBackButton();
    goToWhenReady(cueFinderFor(sentence), true, sentence);
  });

  // A jump waiting for its sentence has highlighted it already: the old time must not move it back.
  audio.addEventListener("timeupdate", () => {
    if (!state.pending) highlight(cueAt(audio.currentTime));
  });

  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("wheel", noteUserScroll, { passive: true });
  window.addEventListener("touchmove", noteUserScroll, { passive: true });
  window.addEventListener("scrollend", () => { state.autoScrollUntil = 0; });
}
