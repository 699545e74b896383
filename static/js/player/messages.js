// messages.js — what the player tells the reader: status line, errors with a retry, announcements, busy marks.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { restart } from "./transport.js";

// Polite announcements for state changes that have no visible focus change (shortcuts, lock screen).
export function announce(text) {
  ui.announcer.textContent = "";
  window.setTimeout(() => { ui.announcer.textContent = text; }, 50);
}

export function setStatus(text) { ui.status.textContent = text; }

// The Listen button's words ("Play", "Pause", "Resume") come translated in its data-label-* attributes.
export function setListenLabel(name) { ui.listenLabel.textContent = ui.listenLabel.dataset["label" + name]; }

export function setBusy(busy) {
  if (busy) {
    ui.listenButton.setAttribute("aria-busy", "true");
    ui.playButton.setAttribute("aria-busy", "true");
  } else {
    ui.listenButton.removeAttribute("aria-busy");
    ui.playButton.removeAttribute("aria-busy");
  }
}

export function clearError() {
  ui.message.hidden = true;
  ui.message.textContent = "";
}

function retryButton() {
  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "button button--quiet";
  retry.textContent = ui.status.dataset.textRetry;
  retry.addEventListener("click", restart);
  return retry;
}

// Plain words in the reader's language (the server's message when it has one) and a retry,
// both next to the Listen button and in the bar, which may be the only part in view.
export function showError(text) {
  window.clearInterval(state.polling);
  state.polling = null;
  const words = text || ui.status.dataset.textError;
  ui.status.textContent = words;
  ui.status.append(" ", retryButton());
  ui.message.textContent = words;
  ui.message.append(" ", retryButton());
  ui.message.hidden = false;
  setBusy(false);
  setListenLabel("Play");
}
