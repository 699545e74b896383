// reader: the locale switcher and the Listen button (start at once, show progress, highlight).
"use strict";
document.documentElement.classList.add("js");

document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
  select.addEventListener("change", () => select.form.submit());
});

(function listen() {
  const article = document.querySelector("article[data-audio-url]");
  if (!article) return;
  const button = document.getElementById("listen-button");
  const label = button.querySelector(".listen__label");
  const status = document.getElementById("listen-status");
  const audio = document.getElementById("article-audio");
  let timings = [];
  let current = null;
  let polling = null;

  const say = (text) => { status.textContent = text; };
  const setLabel = (name) => { label.textContent = label.dataset["label" + name]; };

  function showError(message) {
    clearInterval(polling);
    status.textContent = message || status.dataset.textError;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "button button--quiet";
    retry.textContent = status.dataset.textRetry;
    retry.addEventListener("click", () => { audio.removeAttribute("src"); start(); });
    status.append(" ", retry);
    setLabel("Play");
  }

  async function fetchStatus() {
    const response = await fetch(article.dataset.statusUrl, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((body.error && body.error.message) || status.dataset.textError);
    return body;
  }

  function showProgress(state) {
    if (state.timings && state.timings.length > timings.length) timings = state.timings;
    if (state.complete) {
      clearInterval(polling);
      if (!audio.paused) say("");
      return;
    }
    say(status.dataset.textProgress.replace("{done}", state.done).replace("{total}", state.total));
  }

  async function start() {
    say(status.dataset.textPreparing);
    button.setAttribute("aria-busy", "true");
    try {
      showProgress(await fetchStatus());
    } catch (error) {
      button.removeAttribute("aria-busy");
      showError(error.message);
      return;
    }
    audio.src = article.dataset.audioUrl;
    audio.hidden = false;
    audio.play().catch(() => {});
    clearInterval(polling);
    polling = setInterval(() => fetchStatus().then(showProgress).catch(() => clearInterval(polling)), 700);
  }

  button.addEventListener("click", () => {
    if (!audio.getAttribute("src")) start();
    else if (audio.paused) audio.play();
    else audio.pause();
  });
  audio.addEventListener("playing", () => {
    button.removeAttribute("aria-busy");
    button.dataset.playing = "";
    setLabel("Pause");
    if (!polling || status.textContent === status.dataset.textPreparing) say("");
  });
  audio.addEventListener("pause", () => { delete button.dataset.playing; setLabel("Resume"); });
  audio.addEventListener("ended", () => { delete button.dataset.playing; setLabel("Play"); highlight(null); });
  audio.addEventListener("error", () => {
    if (!audio.getAttribute("src")) return;
    fetchStatus().then(() => showError()).catch((error) => showError(error.message));
  });
  audio.addEventListener("timeupdate", () => {
    const t = audio.currentTime;
    highlight(timings.find((cue) => cue.start <= t && t < cue.end) || null);
  });

  function elementFor(cue) {
    if (cue.kind === "title") return article.querySelector(".article__title");
    if (cue.kind === "date") return article.querySelector(".article__meta time");
    if (cue.block === null || !cue.span) return null;
    return article.querySelector(`[data-block="${cue.block}"] .s[data-start="${cue.span[0]}"]`);
  }

  function highlight(cue) {
    const element = cue ? elementFor(cue) : null;
    if (element === current) return;
    if (current) current.removeAttribute("aria-current");
    current = element;
    if (!element) return;
    element.setAttribute("aria-current", "true");
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }
})();
