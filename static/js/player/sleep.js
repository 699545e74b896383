// sleep.js — the sleep timer of the reading settings: pause after 15, 30 or 60 minutes of listening, or at the article's end.
import { ui } from "./elements.js";
import { announce, setStatus } from "./messages.js";
import { SETTINGS_CHANGED, setSleep, sleepSetting } from "../settings.js";

let timer = null;

function disarm() {
  window.clearTimeout(timer);
  timer = null;
}

// Counted from when the timer is set while playing, or from the next play.
function arm() {
  disarm();
  const minutes = Number(sleepSetting());
  if (!minutes || ui.audio.paused) return;
  timer = window.setTimeout(fallAsleep, minutes * 60 * 1000);
}

function fallAsleep() {
  disarm();
  ui.audio.pause();
  const text = document.querySelector(".settings__panel");
  const words = text ? text.dataset.textSleepDone : "";
  setStatus(words);
  announce(words);
  setSleep("off");  // a timer runs once
}

export function setUpSleepTimer() {
  ui.audio.addEventListener("playing", () => { if (!timer) arm(); });
  ui.audio.addEventListener("ended", () => {
    disarm();
    if (sleepSetting() === "end") fallAsleep();
  });
  window.addEventListener(SETTINGS_CHANGED, (event) => {
    if (event.detail.key === "sleep" && timer !== null) disarm();
    if (event.detail.key === "sleep") arm();
  });
}
