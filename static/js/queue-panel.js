// queue-panel.js — the queue on the page: Add to queue / Play next / Listen to all, and the list, reordered by drag or keyboard.
import * as queue from "./queue.js";
import { fill } from "./text.js";

let panel = null;

function say(text) {
  const announcer = document.getElementById("queue-announcer");
  if (!announcer || !text) return;
  announcer.textContent = "";
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

function words(name, values) {
  return panel ? fill(panel.dataset[name] || "", values) : "";
}

function itemOf(element) {
  const holder = element.closest("[data-queue-item]");
  if (!holder) return null;
  try { return JSON.parse(holder.dataset.queueItem); } catch (error) { return null; }
}

// ---- the list ----------------------------------------------------------------------------

function row(template, item, index, count, current) {
  const li = template.content.firstElementChild.cloneNode(true);
  li.dataset.id = item.id;
  const link = li.querySelector(".queue__link");
  link.href = item.page;
  link.textContent = item.title;
  if (item.lang) link.lang = item.lang;
  link.dir = item.dir;
  if (item.id === current) li.setAttribute("aria-current", "true");
  const label = (name) => words(name, { title: item.title });
  const up = li.querySelector('[data-queue-move="-1"]');
  const down = li.querySelector('[data-queue-move="1"]');
  up.setAttribute("aria-label", label("textMoveUp"));
  down.setAttribute("aria-label", label("textMoveDown"));
  up.disabled = index === 0;
  down.disabled = index === count - 1;
  li.querySelector("[data-queue-remove]").setAttribute("aria-label", label("textRemove"));
  return li;
}

// Redrawn whole on every change; the focus stays on the same button of the same article.
export function render() {
  if (!panel) return;
  const { items, current } = queue.getQueue();
  const list = panel.querySelector(".queue__list");
  const template = document.getElementById("queue-item-template");
  const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement : null;
  const focusId = focused && focused.closest(".queue__item").dataset.id;
  const focusWhich = focused && ["[data-queue-move=\"-1\"]", "[data-queue-move=\"1\"]", "[data-queue-remove]", ".queue__link"]
    .find((selector) => focused.matches(selector));
  list.replaceChildren(...items.map((item, index) => row(template, item, index, items.length, current)));
  panel.querySelector(".queue__count").textContent = items.length ? words("textCount", { count: items.length }) : "";
  panel.dataset.count = String(items.length);
  const inPlayer = panel.classList.contains("queue--player");
  if (!inPlayer) panel.hidden = items.length === 0;
  const play = panel.querySelector("[data-queue-play]");
  if (play && items.length) play.href = (items.find((item) => item.id === current) || items[0]).page;
  if (focusId) {
    const li = list.querySelector(`.queue__item[data-id="${CSS.escape(focusId)}"]`);
    const target = li && li.querySelector(focusWhich);
    // A button that became disabled (moved to an end) hands the focus to its other arrow.
    if (target && !target.disabled) target.focus();
    else if (li) (li.querySelector(".queue__button:not(:disabled)") || li.querySelector(".queue__link")).focus();
  }
}

function move(id, delta) {
  const at = queue.moveItem(id, delta);
  if (at < 0) return;
  const { items } = queue.getQueue();
  say(words("textMoved", { title: items[at].title, position: at + 1, count: items.length }));
}

// ---- drag by the handle: pointer events, so mouse, pen and touch alike ----------------------

function setUpDrag(list) {
  let dragged = null;
  list.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest(".queue__handle");
    if (!handle || event.button !== 0) return;
    dragged = handle.closest(".queue__item");
    dragged.classList.add("queue__item--dragging");
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  list.addEventListener("pointermove", (event) => {
    if (!dragged) return;
    // The row under the pointer: the dragged one goes before it, or after it past its middle.
    const over = [...list.children].find((li) => {
      const box = li.getBoundingClientRect();
      return li !== dragged && event.clientY >= box.top && event.clientY < box.bottom;
    });
    if (!over) return;
    const box = over.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  const drop = () => {
    if (!dragged) return;
    const id = dragged.dataset.id;
    dragged.classList.remove("queue__item--dragging");
    dragged = null;
    const ids = [...list.children].map((li) => li.dataset.id);
    queue.reorder(ids);
    const { items } = queue.getQueue();
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) say(words("textMoved", { title: items[at].title, position: at + 1, count: items.length }));
  };
  list.addEventListener("pointerup", drop);
  list.addEventListener("pointercancel", drop);
}

// ---- wiring ------------------------------------------------------------------------------

function onClick(event) {
  const target = event.target;
  const add = target.closest("[data-queue-add]");
  const next = target.closest("[data-queue-next]");
  if (add || next) {
    const item = itemOf(add || next);
    if (!item) return;
    if (add) queue.addToQueue(item);
    else queue.playNext(item);
    say(words(add ? "textAdded" : "textNext", { title: item.title }));
    return;
  }
  // "Listen to all" and "Listen to results": the link goes to the first article, which starts.
  const all = target.closest("a[data-queue]");
  if (all) {
    try { queue.replaceQueue(JSON.parse(all.dataset.queue)); } catch (error) { /* the link still opens the first */ }
    return;
  }
  const play = target.closest("[data-queue-play]");
  if (play) {
    const { items, current } = queue.getQueue();
    const item = items.find((kept) => kept.id === current) || items[0];
    if (!item) { event.preventDefault(); return; }
    queue.setCurrent(item.id, { startOnArrival: true });
    return;
  }
  const link = target.closest(".queue__link");
  if (link && !event.defaultPrevented) { queue.setCurrent(link.closest(".queue__item").dataset.id, { startOnArrival: true }); return; }
  const clear = target.closest("[data-queue-clear]");
  if (clear) { queue.clearQueue(); say(panel.dataset.textCleared); return; }
  const mover = target.closest("[data-queue-move]");
  if (mover) { move(mover.closest(".queue__item").dataset.id, Number(mover.dataset.queueMove)); return; }
  const remover = target.closest("[data-queue-remove]");
  if (remover) {
    const li = remover.closest(".queue__item");
    const neighbour = li.nextElementSibling || li.previousElementSibling;
    const removed = queue.getQueue().items.find((item) => item.id === li.dataset.id);
    queue.removeItem(li.dataset.id);
    if (removed) say(words("textRemoved", { title: removed.title }));
    // The focus goes to the next article's remove button, not back to the top of the page.
    const again = neighbour && panel.querySelector(`.queue__item[data-id="${CSS.escape(neighbour.dataset.id)}"] [data-queue-remove]`);
    if (again) again.focus();
  }
}

// Alt+↑ and Alt+↓ move the article whose row has the focus.
function onKey(event) {
  if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
  const li = event.target.closest(".queue__item");
  if (!li) return;
  event.preventDefault();
  move(li.dataset.id, event.key === "ArrowUp" ? -1 : 1);
}

export function setUpQueuePanel() {
  document.addEventListener("click", onClick);
  panel = document.getElementById("queue");
  queue.watchOtherTabs();
  if (!panel) return;
  panel.addEventListener("keydown", onKey);
  setUpDrag(panel.querySelector(".queue__list"));
  window.addEventListener(queue.QUEUE_CHANGED, render);
  render();
}
