// text.js — the server's translated sentences filled in, and lengths of time written in the reader's digits.

// The server's translated sentences come with {name} holes (in data-text-* attributes).
export function fill(template, values) {
  return Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template);
}

const formats = new Map();

function numberFormats(locale) {
  if (!formats.has(locale)) formats.set(locale, {
    two: new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }),
    one: new Intl.NumberFormat(locale, { useGrouping: false }),
    count: new Intl.NumberFormat(locale),
  });
  return formats.get(locale);
}

// 2:40, 1:02:05, as a player shows it, in the locale's digits.
export function formatClock(seconds, locale) {
  if (!Number.isFinite(seconds) || seconds < 0) return "–:––";
  const { one, two } = numberFormats(locale);
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = two.format(whole % 60);
  if (hours) return `${one.format(hours)}:${two.format(minutes)}:${rest}`;
  return `${one.format(minutes)}:${rest}`;
}

// 5,000 / 5 000 / ٥٬٠٠٠: a count as the locale groups it.
export function formatCount(number, locale) {
  return numberFormats(locale).count.format(number);
}
