// elements.js — the player's parts of the article page, looked up once, and what they tell about it.

// Filled by findPlayer(); the other player modules read it only after that.
export const ui = {};

// True, with `ui` filled, when this page has an article to read aloud.
export function findPlayer() {
  const article = document.querySelector("article[data-audio-url]");
  if (!article) return false;
  const byId = (id) => document.getElementById(id);
  const bar = byId("player");
  const listenButton = byId("listen-button");
  const speedSelect = byId("player-speed");
  Object.assign(ui, {
    article,
    articleId: article.dataset.articleId,
    body: article.querySelector(".article__body"),
    audio: byId("article-audio"),
    listenButton,
    listenLabel: listenButton.querySelector(".listen__label"),
    status: byId("listen-status"),
    bar,
    playButton: byId("player-play"),
    seek: byId("player-seek"),
    elapsedText: byId("player-elapsed"),
    remainingText: byId("player-remaining"),
    speedSelect,
    message: byId("player-message"),
    announcer: byId("player-announcer"),
    backButton: byId("follow-back"),
    resumeOffer: byId("resume-offer"),
    // The speeds offered are the select's options, as the server rendered them.
    speeds: Array.from(speedSelect.options, (option) => Number(option.value)),
    locale: bar.lang || document.documentElement.lang,
    rtl: bar.dir === "rtl",
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)"),
  });
  return true;
}
