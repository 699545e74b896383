// format.js — times and speeds written the way the reader's language writes numbers, and filled-in templates.
import { ui } from "./elements.js";

let numbers = null;

// Made on first use: the locale is the player bar's, known once its elements are found.
function numberFormats() {
  if (!numbers) numbers = {
    two: new Intl.NumberFormat(ui.locale, { minimumIntegerDigits: 2, useGrouping: false }),
    one: new Intl.NumberFormat(ui.locale, { useGrouping: false }),
    speed: new Intl.NumberFormat(ui.locale, { maximumFractionDigits: 2 }),
  };
  return numbers;
}

export function formatTime(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "–:––";
  const { one, two } = numberFormats();
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = two.format(whole % 60);
  if (hours) return `${one.format(hours)}:${two.format(minutes)}:${rest}`;
  return `${one.format(minutes)}:${rest}`;
}

export function formatSpeed(speed) {
  return `${numberFormats().speed.format(speed)}×`;
}

// The server's translated sentences come with {name} holes (in data-text-* attributes).
export function fill(template, values) {
  return Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template);
}
