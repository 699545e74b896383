// article-swap.js — the queue's next article put in place of this one: its page fetched ahead, its text and player swapped in.
import { ui } from "./elements.js";
import { setUpListeningLanguage } from "./listening-language.js";
import { setUpVoiceMenu } from "./voice-menu.js";

// Fired on window once the page shows the next article (report.js refreshes its links then).
export const ARTICLE_SWAPPED = "reader:article-swapped";

// The page is the server's own reading page: the same template, so the same parts to swap.
// The controls (Listen, status, <audio>, the bar's buttons) stay, with their listeners, and the
// reader's user activation: the next article plays without a click, which a navigation would lose.
export async function fetchArticlePage(url) {
  const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const article = page.querySelector("article[data-audio-url]");
  if (!article) throw new Error("not an article page");
  return page;
}

// No engine reads its language here: the queue skips it.
export function canBeHeard(page) {
  const button = page.getElementById("listen-button");
  return Boolean(button) && !button.disabled;
}

function adopt(node) { return document.adoptNode(node); }

// Attributes and content of `from` (the fetched page) onto `to` (this page).
function copyElement(from, to) {
  if (!from || !to) return;
  [...to.attributes].forEach((attribute) => { if (!from.hasAttribute(attribute.name)) to.removeAttribute(attribute.name); });
  [...from.attributes].forEach((attribute) => to.setAttribute(attribute.name, attribute.value));
  to.replaceChildren(...[...from.childNodes].map(adopt));
}

function copyAttributes(from, to, names) {
  names.forEach((name) => {
    if (from.hasAttribute(name)) to.setAttribute(name, from.getAttribute(name));
    else to.removeAttribute(name);
  });
}

// Everything of the header but the Listen row (whose controls stay), in the new page's order.
function swapHeader(next) {
  const header = ui.article.querySelector(".article__header");
  const listen = header.querySelector(".listen");
  const nextHeader = next.querySelector(".article__header");
  const nextListen = nextHeader.querySelector(".listen");
  // The Listen row's article-specific parts: queue buttons, the voices of its language.
  copyElement(nextListen.querySelector(".queue-actions"), listen.querySelector(".queue-actions"));
  const voice = listen.querySelector(".listen__voice");
  const nextVoice = nextListen.querySelector(".listen__voice");
  if (voice) voice.remove();
  if (nextVoice) listen.querySelector(".listen__button").after(adopt(nextVoice));
  ui.resumeOffer.hidden = true;
  const parts = [...nextHeader.childNodes].map((node) => (node === nextListen ? listen : adopt(node)));
  header.replaceChildren(...parts);
}

function swapPlayerBar(next) {
  const bar = next.querySelector("#player");
  copyAttributes(bar, ui.bar, ["data-title", "data-source"]);
  copyElement(bar.querySelector(".player__title"), ui.bar.querySelector(".player__title"));
  copyElement(bar.querySelector("#player-report"), document.getElementById("player-report"));
  copyElement(bar.querySelector(".player__download:not(#player-report)"), ui.bar.querySelector(".player__download:not(#player-report)"));
}

// This page becomes the fetched one: its address (so a reload opens it), title, text and bar.
export function swapArticle(page, url) {
  const next = page.querySelector("article[data-audio-url]");
  const names = new Set([...ui.article.getAttributeNames(), ...next.getAttributeNames()]);
  copyAttributes(next, ui.article, [...names].filter((name) => name !== "class"));
  swapHeader(next);
  ui.body.replaceChildren(...[...next.querySelector(".article__body").childNodes].map(adopt));
  swapPlayerBar(next);
  ui.articleId = ui.article.dataset.articleId;
  document.title = page.title;
  window.history.pushState({ article: ui.articleId }, "", url);
  // Their controls are new: they bind to them (and to the new article id).
  setUpListeningLanguage();
  setUpVoiceMenu();
  window.dispatchEvent(new CustomEvent(ARTICLE_SWAPPED, { detail: { articleId: ui.articleId } }));
}

// The history entries made here hold no page of their own: going back loads the article.
export function setUpHistory() {
  window.addEventListener("popstate", () => window.location.reload());
}
