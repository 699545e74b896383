// settings.js — the reading settings panel: text size, theme, speed, voices, hashtags, sleep timer; kept in this browser.
import * as store from "./store.js";
import { fill } from "./text.js";

// Other modules (the player) hear of a change through this event on window.
export const SETTINGS_CHANGED = "reader:settings";

// Text size and theme show on every page, before anything else is set up.
export function applySettings() {
  const settings = store.loadSettings();
  const root = document.documentElement;
  root.dataset.fontSize = settings.fontSize || "normal";
  if (settings.theme === "light" || settings.theme === "dark") root.dataset.theme = settings.theme;
  else delete root.dataset.theme;
}

// The voice chosen here for a language, or null for the server's choice.
export function chosenVoice(lang) {
  const voices = store.loadSettings().voices;
  return (voices && lang && typeof voices[lang] === "string" && voices[lang]) || null;
}

// "read" or "skip" when the reader chose; null leaves it to the server.
export function chosenHashtags() {
  const { hashtags } = store.loadSettings();
  return hashtags === "read" || hashtags === "skip" ? hashtags : null;
}

export function sleepSetting() {
  const { sleep } = store.loadSettings();
  return ["end", "15", "30", "60"].includes(String(sleep)) ? String(sleep) : "off";
}

function change(key, value) {
  const settings = store.loadSettings();
  if (value === null || value === undefined) delete settings[key];
  else settings[key] = value;
  store.saveSettings(settings);
  applySettings();
  window.dispatchEvent(new CustomEvent(SETTINGS_CHANGED, { detail: { key } }));
}

export function setSleep(value) {
  change("sleep", value === "off" ? null : value);
  const select = document.getElementById("setting-sleep");
  if (select) select.value = value;
}

export function setUpSettings() {
  applySettings();
  const panel = document.querySelector(".settings__panel");
  if (!panel) return;
  const byId = (id) => document.getElementById(id);
  const settings = store.loadSettings();

  const fontSize = byId("setting-font-size");
  fontSize.value = settings.fontSize || "normal";
  fontSize.addEventListener("change", () => change("fontSize", fontSize.value === "normal" ? null : fontSize.value));

  const theme = settings.theme === "light" || settings.theme === "dark" ? settings.theme : "system";
  document.querySelectorAll('input[name="setting-theme"]').forEach((radio) => {
    radio.checked = radio.value === theme;
    radio.addEventListener("change", () => change("theme", radio.value === "system" ? null : radio.value));
  });

  // The speed is the one the player remembers: set here, or by the player's own buttons.
  const speed = byId("setting-speed");
  const saved = Number(store.loadSpeed());
  if ([...speed.options].some((option) => Number(option.value) === saved)) speed.value = String(saved);
  speed.addEventListener("change", () => {
    store.saveSpeed(Number(speed.value));
    window.dispatchEvent(new CustomEvent(SETTINGS_CHANGED, { detail: { key: "speed" } }));
  });
  window.addEventListener("reader:speed", (event) => { speed.value = String(event.detail.speed); });

  const hashtags = byId("setting-hashtags");
  hashtags.checked = (chosenHashtags() || panel.dataset.readHashtags) === "read";
  hashtags.addEventListener("change", () => change("hashtags", hashtags.checked ? "read" : "skip"));

  const sleep = byId("setting-sleep");
  sleep.value = sleepSetting();
  sleep.addEventListener("change", () => setSleep(sleep.value));

  setUpVoices(panel);
}

// The voices of one language at a time, asked of the server when the panel opens on it.
function setUpVoices(panel) {
  const language = document.getElementById("setting-voice-language");
  const voice = document.getElementById("setting-voice");
  const sample = document.getElementById("setting-voice-sample");
  const article = document.querySelector("article[data-article-id]");
  const start = (article && article.lang) || document.documentElement.lang;
  if ([...language.options].some((option) => option.value === start)) language.value = start;
  let sampleUrl = null;
  let loaded = null;

  async function load() {
    const lang = language.value;
    if (loaded === lang) return;
    loaded = lang;
    voice.replaceChildren();
    voice.disabled = true;
    sample.disabled = true;
    let body;
    try {
      const url = new URL(panel.dataset.voicesUrl, window.location.href);
      url.searchParams.set("language", lang);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      body = await response.json();
    } catch (error) {
      loaded = null;
      return;
    }
    if (language.value !== lang) return;
    sampleUrl = body.sample;
    body.voices.forEach((found, index) => {
      const option = document.createElement("option");
      option.value = index === 0 ? "" : found.id;  // the first is the server's own choice
      option.textContent = index === 0 ? fill(panel.dataset.textDefaultVoice, { name: found.name }) : found.name;
      voice.append(option);
    });
    const chosen = chosenVoice(lang);
    voice.value = chosen && body.voices.some((found) => found.id === chosen) ? chosen : "";
    voice.disabled = body.voices.length < 2;
    sample.disabled = body.voices.length === 0;
  }

  voice.addEventListener("change", () => {
    const voices = { ...(store.loadSettings().voices || {}) };
    if (voice.value) voices[language.value] = voice.value;
    else delete voices[language.value];
    change("voices", voices);
  });
  language.addEventListener("change", load);
  sample.addEventListener("click", () => {
    if (!sampleUrl) return;
    const url = new URL(sampleUrl, window.location.href);
    if (voice.value) url.searchParams.set("voice", voice.value);
    new Audio(url).play().catch(() => {});
  });
  const details = panel.closest("details");
  details.addEventListener("toggle", () => { if (details.open) load(); });
  if (details.open) load();
}
