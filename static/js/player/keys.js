// keys.js — keyboard shortcuts: K and Space play or pause, arrows step, J and L jump 15 s, + and − change speed.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { stepParagraph, stepSentence } from "./navigation.js";
import { noteUserScroll } from "./follow-along.js";
import { jumpBy, stepSpeed, togglePlay } from "./transport.js";

function isTyping(target) {
  return target instanceof Element
    && (target.matches("input, select, textarea, [contenteditable]:not([contenteditable=false])"));
}

// Space keeps its usual meaning on buttons and links, and scrolls the page until the player is open.
function spaceIsOurs(target) {
  if (!state.started) return false;
  return !(target instanceof Element && target.closest("button, a[href], summary, [role=button]"));
}

function onKey(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) return;
  const key = event.key;
  let action = null;
  if (key === "k" || key === "K") action = togglePlay;
  else if (key === " " && spaceIsOurs(event.target)) action = togglePlay;
  else if (state.started && (key === "ArrowLeft" || key === "ArrowRight")) {
    // "Forward" is the way the text runs: leftwards in right-to-left languages.
    const forward = (key === "ArrowRight") !== ui.rtl;
    const delta = forward ? 1 : -1;
    action = event.shiftKey ? () => stepParagraph(delta) : () => stepSentence(delta);
  } else if (state.started && (key === "j" || key === "J")) action = () => jumpBy(-15);
  else if (state.started && (key === "l" || key === "L")) action = () => jumpBy(15);
  else if (state.started && (key === "+" || key === "=")) action = () => stepSpeed(1);
  else if (state.started && (key === "-" || key === "_")) action = () => stepSpeed(-1);
  if (!action) {
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "].includes(key)) noteUserScroll();
    return;
  }
  event.preventDefault();
  action();
}

export function setUpKeys() {
  document.addEventListener("keydown", onKey);
}
