// voice-menu.js — the player's voice menu: the article language's voices, a listener's choice kept in this browser.
import { forgetVoice, loadVoice, saveVoice } from "../store.js";

// The server lists the voices that read the article's language, the one it would choose first.
// A choice is kept per language; one that is no longer installed here is forgotten.
function menu() { return document.getElementById("player-voice"); }

export function chosenVoice() {
  const select = menu();
  if (!select) return null;
  const saved = loadVoice(select.dataset.language);
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
  else forgetVoice(lang);
  select.addEventListener("change", () => {
    if (select.selectedIndex === 0) forgetVoice(lang);
    else saveVoice(lang, select.value);
    window.location.reload();
  });
}
