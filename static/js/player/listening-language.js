// listening-language.js — a listener's own choice of the article's language, kept in this browser.
import { ui } from "./elements.js";
import { forgetListeningLanguage, loadListeningLanguage, saveListeningLanguage } from "../store.js";

// The choice changes every audio URL, so the page starts again with it rather than mixing a
// render in one language with timings in another.
export function setUpListeningLanguage() {
  const select = document.getElementById("listen-language");
  if (!select) return;
  const chosen = loadListeningLanguage(ui.articleId);
  const own = select.dataset.articleLanguage;
  if (chosen && [...select.options].some((option) => option.value === chosen)) select.value = chosen;
  const note = document.getElementById("listen-language-note");
  if (note) note.hidden = !chosen || chosen === own;
  select.addEventListener("change", () => {
    if (select.value === own) forgetListeningLanguage(ui.articleId);
    else saveListeningLanguage(ui.articleId, select.value);
    window.location.reload();
  });
  // The way back: the article's own language again, for this browser.
  const undo = document.getElementById("listen-language-undo");
  if (undo) undo.addEventListener("click", () => {
    forgetListeningLanguage(ui.articleId);
    window.location.reload();
  });
}
