// queue.js — the listening queue kept in this browser: articles in order, the one being heard, and every change announced.
import { QUEUE_KEY, loadQueue, saveQueue } from "./store.js";

// Fired on window with { detail: { action, item } } after every change, from this tab or another.
export const QUEUE_CHANGED = "reader:queue";

// Hours of listening: a longer queue is cut at its end.
const MAX_ITEMS = 500;

// An item is what the server gave (views/queueing.py): { id, title, lang, dir, page, audio }.
// Ids are kept as strings, as the page's data-article-id gives them.
function cleanItem(raw) {
  if (!raw || typeof raw !== "object") return null;
  const id = raw.id === undefined || raw.id === null ? "" : String(raw.id);
  if (!id || typeof raw.page !== "string" || typeof raw.title !== "string") return null;
  return {
    id,
    title: raw.title,
    lang: typeof raw.lang === "string" ? raw.lang : "",
    dir: raw.dir === "rtl" ? "rtl" : "ltr",
    page: raw.page,
    audio: typeof raw.audio === "string" ? raw.audio : "",
  };
}

// What was saved may be from an older version of this code, or edited by hand.
function clean(raw) {
  const queue = raw && typeof raw === "object" ? raw : {};
  const seen = new Set();
  const items = (Array.isArray(queue.items) ? queue.items : []).map(cleanItem)
    .filter((item) => item && !seen.has(item.id) && seen.add(item.id))
    .slice(0, MAX_ITEMS);
  const has = (id) => id !== null && id !== undefined && seen.has(String(id));
  return {
    items,
    current: has(queue.current) ? String(queue.current) : null,
    startOnArrival: has(queue.startOnArrival) ? String(queue.startOnArrival) : null,
  };
}

export function getQueue() { return clean(loadQueue()); }

function commit(queue, action, item = null) {
  const saved = clean(queue);
  saveQueue(saved);
  window.dispatchEvent(new CustomEvent(QUEUE_CHANGED, { detail: { action, item } }));
  return saved;
}

function indexOf(queue, id) {
  return id === null || id === undefined ? -1 : queue.items.findIndex((item) => item.id === String(id));
}

// At the end; an article already queued moves there.
export function addToQueue(raw) {
  const item = cleanItem(raw);
  if (!item) return null;
  const queue = getQueue();
  const items = queue.items.filter((kept) => kept.id !== item.id);
  return commit({ ...queue, items: [...items, item] }, "added", item);
}

// Right after the article being heard (first when none is); an article already queued moves there.
export function playNext(raw) {
  const item = cleanItem(raw);
  if (!item) return null;
  const queue = getQueue();
  const items = queue.items.filter((kept) => kept.id !== item.id);
  const at = queue.current === item.id ? -1 : items.findIndex((kept) => kept.id === queue.current);
  items.splice(at + 1, 0, item);
  return commit({ ...queue, items }, "next", item);
}

// "Listen to all", "Listen to results": the queue becomes this list, its first article to be heard.
export function replaceQueue(rawItems) {
  const items = (Array.isArray(rawItems) ? rawItems : []).map(cleanItem).filter(Boolean);
  const first = items.length ? items[0].id : null;
  return commit({ items, current: first, startOnArrival: first }, "replaced");
}

// One place up (-1) or down (+1); returns the new index, or -1.
export function moveItem(id, delta) {
  const queue = getQueue();
  const from = indexOf(queue, id);
  return from < 0 ? -1 : moveTo(id, from + delta);
}

export function moveTo(id, index) {
  const queue = getQueue();
  const from = indexOf(queue, id);
  const to = Math.max(0, Math.min(queue.items.length - 1, index));
  if (from < 0) return -1;
  if (from === to) return to;
  const items = [...queue.items];
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  commit({ ...queue, items }, "moved", item);
  return to;
}

// The new order of ids after a drag; ids it does not name keep their place at the end.
export function reorder(ids) {
  const queue = getQueue();
  const byId = new Map(queue.items.map((item) => [item.id, item]));
  const items = ids.map((id) => byId.get(String(id))).filter(Boolean);
  queue.items.forEach((item) => { if (!items.includes(item)) items.push(item); });
  return commit({ ...queue, items }, "moved");
}

export function removeItem(id) {
  const queue = getQueue();
  const item = queue.items[indexOf(queue, id)];
  if (!item) return queue;
  return commit({ ...queue, items: queue.items.filter((kept) => kept !== item) }, "removed", item);
}

export function clearQueue() {
  return commit({ items: [], current: null, startOnArrival: null }, "cleared");
}

// The article being heard, when it is queued; the one to start by itself on its page, if any.
export function setCurrent(id, { startOnArrival = false } = {}) {
  const queue = getQueue();
  if (indexOf(queue, id) < 0) return queue;
  const same = queue.current === String(id) && !startOnArrival && !queue.startOnArrival;
  if (same) return queue;
  return commit({ ...queue, current: String(id), startOnArrival: startOnArrival ? String(id) : null }, "current");
}

// Whether the article's page should start playing as it opens; asking answers once.
export function takeStartOnArrival(id) {
  const queue = getQueue();
  if (queue.startOnArrival === null || queue.startOnArrival !== String(id)) return false;
  saveQueue({ ...queue, startOnArrival: null });
  return true;
}

// What plays after the article `id`: the next queued one. An article heard outside the queue
// goes on where the queue is: after its current article, or from its start.
export function itemAfter(id) {
  const queue = getQueue();
  const here = indexOf(queue, id);
  if (here >= 0) return queue.items[here + 1] || null;
  const current = indexOf(queue, queue.current);
  return queue.items[current + 1] || null;
}

export function itemBefore(id) {
  const queue = getQueue();
  const here = indexOf(queue, id);
  return here > 0 ? queue.items[here - 1] : null;
}

// Another tab changed the queue, or this page comes back from the back-forward cache: it shows
// the queue as it is now.
export function watchOtherTabs() {
  const changed = () => window.dispatchEvent(new CustomEvent(QUEUE_CHANGED, { detail: { action: "elsewhere", item: null } }));
  window.addEventListener("storage", (event) => {
    if (event.key === QUEUE_KEY || event.key === null) changed();
  });
  window.addEventListener("pageshow", (event) => { if (event.persisted) changed(); });
}
