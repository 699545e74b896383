// timeline.js — the seek bar and time readouts: where the reading is, and scrubbing through it.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { fill, formatTime } from "./format.js";
import { cueAt, knownDuration } from "./track.js";
import { highlight } from "./follow-along.js";
import { jumpBy, jumpTo, seekTo } from "./transport.js";

// The seek bar by keyboard: arrows 5 s, Page Up/Down 30 s (a range input's own step would be a
// fraction of a second), Home and End the ends of what is rendered.
const KEY_STEPS = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5, PageUp: 30, PageDown: -30 };

function onSeekKey(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const { key } = event;
  if (key === "Home") jumpTo(0);
  else if (key === "End") jumpTo(knownDuration());
  else if (key in KEY_STEPS) {
    // On a right-to-left bar, time runs leftwards: the left arrow goes forward.
    const flip = ui.rtl && (key === "ArrowLeft" || key === "ArrowRight") ? -1 : 1;
    jumpBy(KEY_STEPS[key] * flip);
  } else return;
  event.preventDefault();
}

export function updateTime() {
  const { audio, seek, bar } = ui;
  const time = audio.currentTime;
  const duration = knownDuration();
  // While the reader drags the thumb, the bar is theirs: the audio must not pull it back.
  if (!seek.dataset.dragging) {
    seek.max = String(Math.max(duration, time, 0.1));
    seek.value = String(time);
  }
  const progress = duration ? Math.min(100, (Number(seek.value) / Number(seek.max)) * 100) : 0;
  seek.style.setProperty("--progress", `${progress}%`);
  ui.elapsedText.textContent = formatTime(time);
  ui.remainingText.textContent = state.complete ? `−${formatTime(Math.max(0, duration - time))}` : "−–:––";
  seek.setAttribute("aria-valuetext", fill(bar.dataset.textPosition, {
    elapsed: formatTime(time),
    total: state.complete ? formatTime(duration) : "…",
  }));
}

export function setUpTimeline() {
  const { seek } = ui;
  seek.addEventListener("input", () => {
    seek.dataset.dragging = "1";
    ui.elapsedText.textContent = formatTime(Number(seek.value));
  });
  seek.addEventListener("change", () => {
    delete seek.dataset.dragging;
    const cue = cueAt(Number(seek.value));
    state.following = true;
    seekTo(Number(seek.value));
    if (cue) highlight(cue);
  });
  seek.addEventListener("keydown", onSeekKey);
  ui.audio.addEventListener("timeupdate", updateTime);
}
