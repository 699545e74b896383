// page.js — what every page gets: the "js" class, self-submitting selects, the list's listening marks, field counters.
import * as store from "./store.js";
import { fill, formatClock, formatCount } from "./text.js";

export function setUpPage() {
  document.documentElement.classList.add("js");
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  markListenedArticles();
  setUpCounters();
}

// The list is server-rendered and the server keeps no listening history: mark it here, privately.
// An article begun shows where the reader stopped ("Listening: 1:21 of 2:40").
function markListenedArticles() {
  const list = document.querySelector(".article-list");
  const locale = document.documentElement.lang;
  document.querySelectorAll(".article-card[data-article-id]").forEach((card) => {
    const id = card.dataset.articleId;
    const badge = card.querySelector(".badge--listened");
    if (badge && store.wasListened(id)) badge.hidden = false;
    const where = card.querySelector(".article-card__listening");
    const place = store.loadPlace(id);
    if (!where || !list || !place || !(place.time > 3)) return;
    const total = Number(card.dataset.seconds);
    const elapsed = formatClock(place.time, locale);
    where.textContent = total > 0
      ? fill(list.dataset.textListening, { elapsed, total: formatClock(total, locale) })
      : fill(list.dataset.textStopped, { elapsed });
    where.hidden = false;
  });
}

// A field with a limit says how much of it is used as one types, never cutting a paste short.
function setUpCounters() {
  const locale = document.documentElement.lang;
  document.querySelectorAll(".char-count[data-for]").forEach((counter) => {
    const field = document.getElementById(counter.dataset.for);
    const max = Number(field && field.dataset.maxLength);
    if (!field || !max) return;
    const update = () => {
      const count = [...field.value].length;  // characters, as the server counts them
      const over = count > max;
      counter.textContent = fill(over ? counter.dataset.textOver : counter.dataset.text, {
        count: formatCount(count, locale),
        max: formatCount(max, locale),
      });
      counter.classList.toggle("char-count--over", over);
    };
    field.addEventListener("input", update);
    update();
  });
}
