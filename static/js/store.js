// store.js — what this browser remembers for the reader in localStorage: speed, settings, places, listened marks, reports sent, the queue.

// The server keeps no listening history; these stay private to the browser. localStorage may be
// missing or refuse writes (private windows, quotas): never let it break reading.
function read(key) {
  try { return JSON.parse(window.localStorage.getItem(key)); } catch (error) { return null; }
}

function write(key, value) {
  try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* ignore */ }
}

function remove(key) {
  try { window.localStorage.removeItem(key); } catch (error) { /* ignore */ }
}

// Saved data outlives this code: these keys must not change.
const KEYS = {
  speed: "reader:speed",
  place: (id) => `reader:place:${id}`,
  listened: (id) => `reader:listened:${id}`,
  language: (id) => `reader:language:${id}`,
  reports: "reader:reports",
  settings: "reader:settings",
  wordByWord: "reader:word-by-word",
  queue: "reader:queue",
};

export const QUEUE_KEY = KEYS.queue;

export function loadSpeed() { return read(KEYS.speed); }
export function saveSpeed(speed) { write(KEYS.speed, speed); }

// Reading settings: { fontSize, theme, hashtags: "read"|"skip", voices: { lang: voice id }, sleep }.
export function loadSettings() {
  const settings = read(KEYS.settings);
  return settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {};
}
export function saveSettings(settings) { write(KEYS.settings, settings); }

// A place is { time, at }: seconds into the audio, and when it was saved.
export function loadPlace(articleId) { return read(KEYS.place(articleId)); }
export function savePlace(articleId, place) { write(KEYS.place(articleId), place); }
export function forgetPlace(articleId) { remove(KEYS.place(articleId)); }

export function markListened(articleId, at) { write(KEYS.listened(articleId), at); }
export function wasListened(articleId) { return Boolean(read(KEYS.listened(articleId))); }

// A listener's own choice of an article's language: it changes only what this browser hears.
export function loadListeningLanguage(articleId) { return read(KEYS.language(articleId)); }
export function saveListeningLanguage(articleId, code) { write(KEYS.language(articleId), code); }
export function forgetListeningLanguage(articleId) { remove(KEYS.language(articleId)); }
// Word by word: true or false once the listener chose, null while the player decides.
export function loadWordByWord() { return read(KEYS.wordByWord); }
export function saveWordByWord(on) { write(KEYS.wordByWord, Boolean(on)); }
// The listening queue: { items: [{ id, title, lang, dir, page, audio }], current, startOnArrival }.
export function loadQueue() { return read(KEYS.queue); }
export function saveQueue(queue) { write(KEYS.queue, queue); }
// A report is { id, article, block, sentence, category }: only ids the server gave this browser.
const MAX_REPORTS = 100;
function reports() { const list = read(KEYS.reports); return Array.isArray(list) ? list : []; }
export function rememberReport(report) {
  const others = reports().filter((kept) => kept.id !== report.id);
  write(KEYS.reports, [...others, report].slice(-MAX_REPORTS));
}
export function reportsFor(articleId) { return reports().filter((kept) => String(kept.article) === String(articleId)); }
export function forgetReport(id) { write(KEYS.reports, reports().filter((kept) => kept.id !== id)); }
