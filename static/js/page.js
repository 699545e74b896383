// page.js — what every page gets: the "js" class, self-submitting selects, "Listened" badges.
import * as store from "./store.js";

export function setUpPage() {
  document.documentElement.classList.add("js");
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  markListenedArticles();
}

// The list is server-rendered and the server keeps no listening history: mark it here, privately.
function markListenedArticles() {
  document.querySelectorAll(".article-card[data-article-id]").forEach((card) => {
    const badge = card.querySelector(".badge--listened");
    if (badge && store.wasListened(card.dataset.articleId)) badge.hidden = false;
  });
}
