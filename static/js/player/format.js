// format.js — times and speeds written the way the reader's language writes numbers, and filled-in templates.
import { ui } from "./elements.js";
import * as text from "../text.js";

let speeds = null;

export function formatTime(seconds) {
  return text.formatClock(seconds, ui.locale);
}

// Made on first use: the locale is the player bar's, known once its elements are found.
export function formatSpeed(speed) {
  if (!speeds) speeds = new Intl.NumberFormat(ui.locale, { maximumFractionDigits: 2 });
  return `${speeds.format(speed)}×`;
}

export const fill = text.fill;
