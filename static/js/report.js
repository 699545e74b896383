// report.js — "Report this sentence": the links carry the audio position, sent reports are remembered, fixed ones say so.
import * as store from "./store.js";
import { ARTICLE_SWAPPED } from "./player/article-swap.js";

export function setUpReports() {
  rememberSentReport();
  const article = document.querySelector("article[data-report-status-url]");
  if (!article) return;
  const audio = document.getElementById("article-audio");
  addPositionOnClick(article, audio);
  pointPlayerReportAtCurrent(article, audio);
  showFixedReports(article);
  // The queue's next article, put in place of this one, may have fixed reports of its own.
  window.addEventListener(ARTICLE_SWAPPED, () => showFixedReports(article));
}

// Seconds into the article's audio, when it has started.
function position(audio) {
  return audio && audio.currentSrc && audio.currentTime > 0 ? audio.currentTime.toFixed(1) : null;
}

// The plain links work as they are; with the player on, they also say where in the audio.
function addPositionOnClick(article, audio) {
  article.addEventListener("click", (event) => {
    const link = event.target.closest("a.s__report");
    if (!link) return;
    const seconds = position(audio);
    if (seconds === null) return;
    const url = new URL(link.href, window.location.href);
    url.searchParams.set("position", seconds);
    link.href = url.toString();
  });
}

// The player's Report link names the sentence being read (the highlighted one).
function pointPlayerReportAtCurrent(article, audio) {
  const link = document.getElementById("player-report");
  if (!link) return;
  // The report form of the article (another one once the queue has moved on to it).
  let fallback = link.href;
  window.addEventListener(ARTICLE_SWAPPED, () => { fallback = link.href; });
  const update = () => {
    const current = article.querySelector('.article__body .s[aria-current="true"]');
    const block = current && current.closest("[data-block]");
    if (!current || !block) { link.href = fallback; return; }
    const url = new URL(link.dataset.reportUrl, window.location.href);
    url.searchParams.set("article", link.dataset.article);
    url.searchParams.set("block", block.dataset.block);
    url.searchParams.set("sentence", current.dataset.sentence);
    const seconds = position(audio);
    if (seconds !== null) url.searchParams.set("position", seconds);
    link.href = url.toString();
  };
  link.addEventListener("click", update);
  link.addEventListener("focus", update);
  link.addEventListener("pointerenter", update);
}

// The thank-you page after a report: keep its id, to ask later whether it was fixed.
function rememberSentReport() {
  const sent = document.querySelector("[data-sent-report]");
  if (!sent) return;
  store.rememberReport({
    id: Number(sent.dataset.sentReport),
    article: sent.dataset.articleId,
    block: sent.dataset.block,
    sentence: sent.dataset.sentence,
    category: sent.dataset.category,
  });
}

// Back on the article: reports of this browser that editors marked fixed get a note under their sentence.
async function showFixedReports(article) {
  const sent = store.reportsFor(article.dataset.articleId);
  if (!sent.length) return;
  const url = new URL(article.dataset.reportStatusUrl, window.location.href);
  url.searchParams.set("ids", sent.map((report) => report.id).join(","));
  let statuses;
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    statuses = (await response.json()).statuses || {};
  } catch (error) {
    return;
  }
  for (const report of sent) {
    if (statuses[report.id] === "fixed") showFixed(article, report);
  }
}

function showFixed(article, report) {
  const block = article.querySelector(`.article__body [data-block="${report.block}"]`);
  if (!block || block.parentElement.querySelector(`[data-fixed-report="${report.id}"]`)) return;
  const note = document.createElement("p");
  note.className = "report-fixed";
  note.dataset.fixedReport = report.id;
  note.lang = document.documentElement.lang;
  note.dir = document.documentElement.dir;
  note.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = report.category === "word" ? article.dataset.textFixedWord : article.dataset.textFixed;
  const again = document.createElement("button");
  again.type = "button";
  again.className = "button button--quiet";
  again.textContent = article.dataset.textListenAgain;
  const sentenceUrl = article.dataset.sentenceAudioUrl
    .replace("{block}", encodeURIComponent(report.block))
    .replace("{index}", encodeURIComponent(report.sentence));
  again.addEventListener("click", () => { new Audio(sentenceUrl).play().catch(() => {}); });
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "button button--quiet";
  dismiss.textContent = article.dataset.textDismiss;
  dismiss.addEventListener("click", () => { store.forgetReport(report.id); note.remove(); });
  note.append(text, again, dismiss);
  block.after(note);
}
