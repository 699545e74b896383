// reader: the locale switcher, "Listened" badges, and the article player (our own control bar
// over a hidden <audio>, following the timing track sentence by sentence).
"use strict";
document.documentElement.classList.add("js");

document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
  select.addEventListener("change", () => select.form.submit());
});

// localStorage may be missing or refuse writes (private windows, quotas): never let it break reading.
const store = {
  get(key) {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (error) { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* ignore */ }
  },
  remove(key) {
    try { window.localStorage.removeItem(key); } catch (error) { /* ignore */ }
  },
};
const KEYS = {
  speed: "reader:speed",
  place: (id) => `reader:place:${id}`,
  listened: (id) => `reader:listened:${id}`,
};

// The list is server-rendered and the server keeps no listening history: mark it here, privately.
(function markListenedArticles() {
  document.querySelectorAll(".article-card[data-article-id]").forEach((card) => {
    const badge = card.querySelector(".badge--listened");
    if (badge && store.get(KEYS.listened(card.dataset.articleId))) badge.hidden = false;
  });
})();

(function player() {
  const article = document.querySelector("article[data-audio-url]");
  if (!article) return;
  const byId = (id) => document.getElementById(id);
  const articleId = article.dataset.articleId;
  const audio = byId("article-audio");
  const listenButton = byId("listen-button");
  const listenLabel = listenButton.querySelector(".listen__label");
  const status = byId("listen-status");
  const bar = byId("player");
  const playButton = byId("player-play");
  const seek = byId("player-seek");
  const elapsedText = byId("player-elapsed");
  const remainingText = byId("player-remaining");
  const speedSelect = byId("player-speed");
  const message = byId("player-message");
  const announcer = byId("player-announcer");
  const backButton = byId("follow-back");
  const resumeOffer = byId("resume-offer");
  const SPEEDS = Array.from(speedSelect.options, (option) => Number(option.value));
  const uiLocale = bar.lang || document.documentElement.lang;
  const rtl = bar.dir === "rtl";
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  // Ogg/Opus is half the size of MP3 and renders faster; browsers without it get MP3.
  const audioFormat = audio.canPlayType('audio/ogg; codecs="opus"') ? "opus" : "mp3";
  const withFormat = (url) => `${url}${url.includes("?") ? "&" : "?"}format=${audioFormat}`;

  const state = {
    started: false,     // the audio element has a source
    cues: [],           // the timing track so far (complete once state.complete)
    complete: false,
    current: null,      // the cue being read
    currentElement: null,
    pending: null,      // a jump waiting for its cue to be rendered: {find(cues), play}
    polling: null,
    following: true,    // the page scrolls with the reading until the reader scrolls away
    autoScrollUntil: 0, // scroll events before this come from our own scrolling
    userScrollAt: 0,
    savedAt: 0,
  };

  // ---- words ----------------------------------------------------------------------------

  const number2 = new Intl.NumberFormat(uiLocale, { minimumIntegerDigits: 2, useGrouping: false });
  const number1 = new Intl.NumberFormat(uiLocale, { useGrouping: false });
  const speedNumber = new Intl.NumberFormat(uiLocale, { maximumFractionDigits: 2 });

  function formatTime(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) return "–:––";
    const whole = Math.floor(seconds);
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const rest = number2.format(whole % 60);
    if (hours) return `${number1.format(hours)}:${number2.format(minutes)}:${rest}`;
    return `${number1.format(minutes)}:${rest}`;
  }

  const fill = (template, values) =>
    Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template);

  // Polite announcements for state changes that have no visible focus change (shortcuts, lock screen).
  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function setStatus(text) { status.textContent = text; }

  function setListenLabel(name) { listenLabel.textContent = listenLabel.dataset["label" + name]; }

  function clearError() {
    message.hidden = true;
    message.textContent = "";
  }

  function retryButton() {
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "button button--quiet";
    retry.textContent = status.dataset.textRetry;
    retry.addEventListener("click", restart);
    return retry;
  }

  // Plain words in the reader's language (the server's message when it has one) and a retry,
  // both next to the Listen button and in the bar, which may be the only part in view.
  function showError(text) {
    window.clearInterval(state.polling);
    state.polling = null;
    const words = text || status.dataset.textError;
    status.textContent = words;
    status.append(" ", retryButton());
    message.textContent = words;
    message.append(" ", retryButton());
    message.hidden = false;
    setBusy(false);
    setListenLabel("Play");
  }

  // ---- the timing track -----------------------------------------------------------------

  async function fetchStatus() {
    const response = await fetch(withFormat(article.dataset.statusUrl), { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((body.error && body.error.message) || status.dataset.textError);
    return body;
  }

  function applyStatus(body) {
    if (body.timings && body.timings.length >= state.cues.length) state.cues = body.timings;
    state.complete = Boolean(body.complete);
    if (state.complete) {
      stopPolling();
      if (body.total && body.failed && body.failed.length === body.total) {
        showError(status.dataset.textEngine);
        return;
      }
      if (body.failed && body.failed.length) {
        // Playback goes on without them; say so rather than skip in silence.
        delete status.dataset.progress;
        setStatus(status.dataset.textSkipped);
        resolvePending();
        updateTime();
        return;
      }
      // "Preparing…" stays until the audio plays; progress is done.
      if (!audio.paused || status.dataset.progress) setStatus("");
      delete status.dataset.progress;
    } else if (state.started) {
      status.dataset.progress = "1";
      setStatus(fill(status.dataset.textProgress, { done: body.done, total: body.total }));
    }
    resolvePending();
    updateTime();
  }

  function startPolling() {
    if (state.polling || state.complete) return;
    state.polling = window.setInterval(() => {
      fetchStatus().then(applyStatus).catch(stopPolling);
    }, 700);
  }

  function stopPolling() {
    window.clearInterval(state.polling);
    state.polling = null;
  }

  const playable = (cue) => cue && !cue.failed && cue.end > cue.start;

  function cueAt(time) {
    return state.cues.find((cue) => playable(cue) && cue.start <= time && time < cue.end) || null;
  }

  // The element of the page a cue reads: the title, the date, or a sentence span of a block.
  function elementFor(cue) {
    if (!cue) return null;
    if (cue.kind === "title") return article.querySelector(".article__title");
    if (cue.kind === "date") return article.querySelector(".article__meta time");
    if (cue.block === null || cue.block === undefined || !cue.span) return null;
    return article.querySelector(`[data-block="${cue.block}"] .s[data-start="${cue.span[0]}"]`);
  }

  // A finder for the cue of a sentence element, usable before that cue is rendered.
  function cueFinderFor(element) {
    if (element.matches(".article__title")) return (cues) => cues.find((cue) => cue.kind === "title");
    const block = element.closest("[data-block]");
    if (!block) return () => null;
    const position = Number(block.dataset.block);
    const start = Number(element.dataset.start);
    return (cues) => cues.find((cue) => cue.block === position && cue.span && cue.span[0] === start);
  }

  // Title and date form the first "paragraph"; then one per data-block.
  const paragraphOf = (cue) => (cue.block === null || cue.block === undefined ? -1 : cue.block);

  // ---- playing --------------------------------------------------------------------------

  function openBar() {
    if (!bar.hidden) return;
    bar.hidden = false;
    document.documentElement.classList.add("has-player");
    measureBar();
  }

  // The page keeps room under its last line for the fixed bar, whatever its height.
  function measureBar() {
    document.documentElement.style.setProperty("--player-height", `${bar.offsetHeight}px`);
  }

  function setBusy(busy) {
    if (busy) {
      listenButton.setAttribute("aria-busy", "true");
      playButton.setAttribute("aria-busy", "true");
    } else {
      listenButton.removeAttribute("aria-busy");
      playButton.removeAttribute("aria-busy");
    }
  }

  // First press: feedback at once, then the stream; the browser plays as soon as bytes arrive.
  async function start(options = {}) {
    state.started = true;
    resumeOffer.hidden = true;
    clearError();
    openBar();
    setBusy(true);
    setStatus(status.dataset.textPreparing);
    try {
      applyStatus(await fetchStatus());
    } catch (error) {
      state.started = false;
      bar.hidden = true;
      document.documentElement.classList.remove("has-player");
      showError(error.message);
      return;
    }
    if (!state.started) return;
    audio.src = withFormat(article.dataset.audioUrl);
    applySpeed(currentSpeed());
    if (options.at) seekTo(options.at);
    resolvePending();
    play();
    startPolling();
  }

  function restart() {
    const at = audio.currentTime;
    audio.removeAttribute("src");
    audio.load();
    state.started = false;
    state.complete = false;
    start({ at });
  }

  function play() {
    if (!state.started) { start(); return; }
    audio.play().catch(() => { /* the error event explains failures */ });
  }

  function togglePlay() {
    if (!state.started || audio.paused || audio.ended) play();
    else audio.pause();
  }

  function seekTo(time) {
    state.pending = null;
    audio.currentTime = Math.max(0, time);
    updateTime();
  }

  // Jump to a cue: show it at once, then move the audio there (Chrome waits for streamed bytes).
  function goTo(cue, { andPlay = false } = {}) {
    state.following = true;
    hideBackButton();
    highlight(cue);
    // A hair past the start, so a time read back just under it still falls in this cue.
    seekTo(cue.start + 0.02);
    if (andPlay) play();
  }

  // A jump to a sentence not rendered yet waits for the status poll to bring its cue.
  function goToWhenReady(find, andPlay, element) {
    const cue = find(state.cues);
    if (cue) { goTo(cue, { andPlay }); return; }
    state.pending = { find, andPlay };
    if (element) markCurrent(element);
    if (!state.started) start();
    else startPolling();
    setStatus(status.dataset.textPreparing);
  }

  function resolvePending() {
    // Before the source is set, a seek would be lost when it is set: start() calls again.
    if (!state.pending || !audio.getAttribute("src")) return;
    const cue = state.pending.find(state.cues);
    if (cue) {
      const { andPlay } = state.pending;
      state.pending = null;
      goTo(cue, { andPlay });
      if (!audio.paused && !status.dataset.progress) setStatus("");
    } else if (state.complete) {
      state.pending = null;
    }
  }

  function currentIndex() {
    const cue = state.current || cueAt(audio.currentTime);
    return cue ? state.cues.indexOf(cue) : -1;
  }

  function stepSentence(delta) {
    if (!state.started) { start(); return; }
    let index = currentIndex() + delta;
    while (state.cues[index] && !playable(state.cues[index])) index += delta;
    if (index < 0) index = state.cues.findIndex(playable);
    const cue = state.cues[index];
    if (cue) goTo(cue);
    else if (delta > 0 && !state.complete) goToWhenReady((cues) => cues.slice(currentIndex() + 1).find(playable), false);
  }

  function stepParagraph(delta) {
    if (!state.started) { start(); return; }
    const index = currentIndex();
    const here = state.cues[index] ? paragraphOf(state.cues[index]) : -1;
    const firsts = [];
    state.cues.forEach((cue) => {
      if (playable(cue) && !firsts.some((first) => paragraphOf(first) === paragraphOf(cue))) firsts.push(cue);
    });
    const position = firsts.findIndex((first) => paragraphOf(first) === here);
    const target = firsts[position + delta] || (delta < 0 ? firsts[0] : null);
    if (target) goTo(target);
    else if (delta > 0 && !state.complete) {
      goToWhenReady((cues) => cues.find((cue) => playable(cue) && paragraphOf(cue) > here), false);
    }
  }

  // ---- speed ----------------------------------------------------------------------------

  function currentSpeed() {
    const saved = Number(store.get(KEYS.speed));
    if (!Number.isFinite(saved) || saved <= 0) return 1;
    return SPEEDS.reduce((best, speed) => (Math.abs(speed - saved) < Math.abs(best - saved) ? speed : best), 1);
  }

  // defaultPlaybackRate too: loading a new source resets playbackRate to it.
  function applySpeed(speed) {
    audio.preservesPitch = true;
    audio.defaultPlaybackRate = speed;
    audio.playbackRate = speed;
    speedSelect.value = String(speed);
    updatePositionState();
  }

  function setSpeed(speed) {
    applySpeed(speed);
    store.set(KEYS.speed, speed);
    announce(fill(bar.dataset.textSpeed, { speed: `${speedNumber.format(speed)}×` }));
  }

  function stepSpeed(delta) {
    const index = SPEEDS.indexOf(Number(speedSelect.value));
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, index + delta))];
    if (next !== undefined) setSpeed(next);
  }

  // ---- time, seek bar, place ------------------------------------------------------------

  // While rendering, the audio's duration is unknown (a stream); the track so far bounds it.
  function knownDuration() {
    const last = state.cues.length ? state.cues[state.cues.length - 1].end : 0;
    if (state.complete && last) return last;
    if (Number.isFinite(audio.duration) && state.complete) return audio.duration;
    return last;
  }

  function updateTime() {
    const time = audio.currentTime;
    const duration = knownDuration();
    if (!seek.dataset.dragging) {
      seek.max = String(Math.max(duration, time, 0.1));
      seek.value = String(time);
    }
    const progress = duration ? Math.min(100, (Number(seek.value) / Number(seek.max)) * 100) : 0;
    seek.style.setProperty("--progress", `${progress}%`);
    elapsedText.textContent = formatTime(time);
    remainingText.textContent = state.complete ? `−${formatTime(Math.max(0, duration - time))}` : "−–:––";
    seek.setAttribute("aria-valuetext", fill(bar.dataset.textPosition, {
      elapsed: formatTime(time),
      total: state.complete ? formatTime(duration) : "…",
    }));
  }

  function savePlace(force) {
    if (!state.started || audio.ended) return;
    const now = Date.now();
    if (!force && now - state.savedAt < 2000) return;
    state.savedAt = now;
    store.set(KEYS.place(articleId), { time: audio.currentTime, at: now });
  }

  function finished() {
    store.remove(KEYS.place(articleId));
    store.set(KEYS.listened(articleId), Date.now());
    highlight(null);
    announce(bar.dataset.textFinished);
  }

  function offerResume() {
    const place = store.get(KEYS.place(articleId));
    if (!place || !(place.time > 3) || listenButton.disabled) return;
    const text = resumeOffer.querySelector(".resume__text");
    text.textContent = fill(text.dataset.text, { time: formatTime(place.time) });
    resumeOffer.hidden = false;
    byId("resume-button").addEventListener("click", () => {
      if (state.started) seekTo(place.time);
      else start({ at: place.time });
      resumeOffer.hidden = true;
      playButton.focus();
    });
  }

  // ---- following along ------------------------------------------------------------------

  function markCurrent(element) {
    if (element === state.currentElement) return;
    if (state.currentElement) state.currentElement.removeAttribute("aria-current");
    state.currentElement = element;
    if (element) element.setAttribute("aria-current", "true");
  }

  function highlight(cue) {
    state.current = cue;
    const element = elementFor(cue);
    if (element === state.currentElement) return;
    markCurrent(element);
    if (element && state.following) scrollToCurrent();
    else if (element) updateBackButton();
  }

  function visibleBottom() {
    return window.innerHeight - (bar.hidden ? 0 : bar.offsetHeight);
  }

  // Wholly in view: otherwise following scrolls to it.
  function inView(element) {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= visibleBottom();
  }

  // Partly in view: the reader has not scrolled away from it.
  function partlyInView(element) {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < visibleBottom();
  }

  function scrollToCurrent() {
    const element = state.currentElement;
    if (!element || inView(element)) return;
    state.autoScrollUntil = performance.now() + 1500;
    const box = element.getBoundingClientRect();
    const target = window.scrollY + box.top - (visibleBottom() - box.height) / 2;
    window.scrollTo({ top: Math.max(0, target), behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  // A scroll we did not make, leaving the sentence out of view, pauses following; scrolling
  // back to it resumes following.
  function onScroll() {
    if (!state.currentElement || !state.started) return;
    const ours = performance.now() < state.autoScrollUntil && performance.now() - state.userScrollAt > 300;
    if (ours) return;
    if (partlyInView(state.currentElement)) {
      state.following = true;
      hideBackButton();
    } else {
      state.following = false;
      updateBackButton();
    }
  }

  function noteUserScroll() {
    state.userScrollAt = performance.now();
    state.autoScrollUntil = 0;
  }

  function updateBackButton() {
    if (state.following || !state.currentElement) { hideBackButton(); return; }
    const above = state.currentElement.getBoundingClientRect().bottom < 0;
    backButton.classList.toggle("follow-back--down", !above);
    backButton.hidden = false;
  }

  function hideBackButton() {
    if (backButton.hidden) return;
    const hadFocus = document.activeElement === backButton;
    backButton.hidden = true;
    if (hadFocus) playButton.focus();
  }

  // ---- lock screen and headphones -------------------------------------------------------

  function setUpMediaSession() {
    if (state.mediaSessionReady) return;
    if (!("mediaSession" in navigator) || typeof window.MediaMetadata !== "function") return;
    state.mediaSessionReady = true;
    const { title, site, source, artworkPng, artworkSvg } = bar.dataset;
    navigator.mediaSession.metadata = new window.MediaMetadata({
      title,
      artist: source || site,
      album: site,
      artwork: [
        { src: new URL(artworkPng, document.baseURI).href, sizes: "512x512", type: "image/png" },
        { src: new URL(artworkSvg, document.baseURI).href, sizes: "any", type: "image/svg+xml" },
      ],
    });
    const handlers = {
      play: () => play(),
      pause: () => audio.pause(),
      seekto: (details) => seekTo(details.seekTime),
      seekbackward: (details) => seekTo(audio.currentTime - (details.seekOffset || 10)),
      seekforward: (details) => seekTo(audio.currentTime + (details.seekOffset || 10)),
      previoustrack: () => stepSentence(-1),
      nexttrack: () => stepSentence(1),
    };
    Object.entries(handlers).forEach(([action, handler]) => {
      try { navigator.mediaSession.setActionHandler(action, handler); } catch (error) { /* unsupported */ }
    });
  }

  function updatePositionState() {
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    const duration = knownDuration();
    if (!state.complete || !duration) return;
    try {
      navigator.mediaSession.setPositionState({
        duration,
        playbackRate: audio.playbackRate,
        position: Math.min(audio.currentTime, duration),
      });
    } catch (error) { /* position outside a changing duration: the next update fixes it */ }
  }

  // ---- keyboard -------------------------------------------------------------------------

  function isTyping(target) {
    return target instanceof Element
      && (target.matches("input, select, textarea, [contenteditable]:not([contenteditable=false])"));
  }

  // Space keeps its usual meaning on buttons and links, and scrolls the page until the player is open.
  function spaceIsOurs(target) {
    if (!state.started) return false;
    return !(target instanceof Element && target.closest("button, a[href], summary, [role=button]"));
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key;
    let action = null;
    if (key === "k" || key === "K") action = togglePlay;
    else if (key === " " && spaceIsOurs(event.target)) action = togglePlay;
    else if (state.started && (key === "ArrowLeft" || key === "ArrowRight")) {
      const forward = (key === "ArrowRight") !== rtl;
      const delta = forward ? 1 : -1;
      action = event.shiftKey ? () => stepParagraph(delta) : () => stepSentence(delta);
    } else if (state.started && (key === "+" || key === "=")) action = () => stepSpeed(1);
    else if (state.started && (key === "-" || key === "_")) action = () => stepSpeed(-1);
    if (!action) {
      if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "].includes(key)) noteUserScroll();
      return;
    }
    event.preventDefault();
    action();
  }

  // ---- wiring ---------------------------------------------------------------------------

  const actions = {
    toggle: togglePlay,
    "previous-sentence": () => stepSentence(-1),
    "next-sentence": () => stepSentence(1),
    "previous-paragraph": () => stepParagraph(-1),
    "next-paragraph": () => stepParagraph(1),
    slower: () => stepSpeed(-1),
    faster: () => stepSpeed(1),
  };
  bar.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  listenButton.addEventListener("click", () => {
    if (!state.started) {
      store.remove(KEYS.place(articleId));
      start();
    } else togglePlay();
  });
  backButton.addEventListener("click", () => {
    state.following = true;
    backButton.hidden = true;
    scrollToCurrent();
    playButton.focus();
  });
  speedSelect.addEventListener("change", () => setSpeed(Number(speedSelect.value)));

  seek.addEventListener("input", () => {
    seek.dataset.dragging = "1";
    elapsedText.textContent = formatTime(Number(seek.value));
  });
  seek.addEventListener("change", () => {
    delete seek.dataset.dragging;
    const cue = cueAt(Number(seek.value));
    state.following = true;
    seekTo(Number(seek.value));
    if (cue) highlight(cue);
  });

  // Clicking or tapping a sentence reads from there (not when the reader is selecting text).
  article.querySelector(".article__body").addEventListener("click", (event) => {
    const sentence = event.target.closest(".s");
    if (!sentence || listenButton.disabled || event.target.closest("a")) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    state.following = true;
    hideBackButton();
    goToWhenReady(cueFinderFor(sentence), true, sentence);
  });

  audio.addEventListener("playing", () => {
    setBusy(false);
    listenButton.dataset.playing = "";
    bar.dataset.playing = "";
    playButton.setAttribute("aria-label", bar.dataset.labelPause);
    setListenLabel("Pause");
    if (!state.polling) setStatus("");
    clearError();
    announce(bar.dataset.textPlaying);
    setUpMediaSession();
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = "playing";
  });
  audio.addEventListener("waiting", () => setBusy(true));
  audio.addEventListener("pause", () => {
    delete listenButton.dataset.playing;
    delete bar.dataset.playing;
    playButton.setAttribute("aria-label", bar.dataset.labelPlay);
    setBusy(false);
    if (audio.ended) return;
    setListenLabel("Resume");
    announce(bar.dataset.textPaused);
    savePlace(true);
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = "paused";
  });
  audio.addEventListener("ended", () => {
    setListenLabel("Play");
    finished();
  });
  audio.addEventListener("error", () => {
    if (!audio.getAttribute("src")) return;
    fetchStatus().then((body) => {
      const allFailed = body.total && body.failed && body.failed.length === body.total;
      showError(allFailed ? status.dataset.textEngine : null);
    }).catch((error) => showError(error.message));
  });
  audio.addEventListener("timeupdate", () => {
    updateTime();
    if (!state.pending) highlight(cueAt(audio.currentTime));
    savePlace(false);
  });
  audio.addEventListener("seeked", updatePositionState);
  audio.addEventListener("ratechange", updatePositionState);

  document.addEventListener("keydown", onKey);
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("wheel", noteUserScroll, { passive: true });
  window.addEventListener("touchmove", noteUserScroll, { passive: true });
  window.addEventListener("scrollend", () => { state.autoScrollUntil = 0; });
  window.addEventListener("resize", () => { if (!bar.hidden) measureBar(); });
  window.addEventListener("pagehide", () => savePlace(true));

  applySpeed(currentSpeed());
  offerResume();
})();
