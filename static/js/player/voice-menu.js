// voice-menu.js — the voice menu beside Listen: the article language's voices, a listener's choice kept in this browser.
import { loadSettings, saveSettings } from "../store.js";

// The server lists the voices that read the article's language, the one it would choose first.
// A choice is kept per language in the reading settings (`voices: { lang: voice id }`); one
// that is no longer installed here is forgotten.
function menu() { return document.getElementById("player-voice"); }

function keep(lang, voice) {
  const settings = loadSettings();
  const voices = { ...(settings.voices || {}) };
  if (voice) voices[lang] = voice;
  else delete voices[lang];
  saveSettings({ ...settings, voices });
}

export function chosenVoice() {
  const select = menu();
  if (!select) return null;
  const saved = (loadSettings().voices || {})[select.dataset.language];
  const listed = [...select.options].some((option) => option.value === saved);
  return listed && saved !== select.options[0].value ? saved : null;
}

// The choice changes every audio URL, so the page starts again with it (the place is kept).
export function setUpVoiceMenu() {
  const select = menu();
  if (!select) return;
  const lang = select.dataset.language;
  const chosen = chosenVoice();
  if (chosen) select.value = chosen;
  else keep(lang, null);
  select.addEventListener("change", () => {
    keep(lang, select.selectedIndex === 0 ? null : select.value);
    window.location.reload();
  });
}
