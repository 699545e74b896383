// player.js — starts the article player: connects its modules to the page, in the order they must react.
import { findPlayer, ui } from "./elements.js";
import { stepParagraph, stepSentence } from "./navigation.js";
import { applySpeed, currentSpeed, jumpBy, setUpTransport, stepSpeed, togglePlay } from "./transport.js";
import { setUpTimeline } from "./timeline.js";
import { setUpFollowAlong } from "./follow-along.js";
import { offerResume, setUpPlace } from "./place.js";
import { setUpMediaSession } from "./media-session.js";
import { setUpKeys } from "./keys.js";
import { setUpListeningLanguage } from "./listening-language.js";
import { setUpVoiceMenu } from "./voice-menu.js";
import { setUpWords } from "./words.js";
import { setUpSleepTimer } from "./sleep.js";
import { setUpContinuous, startFromQueue } from "./continuous.js";

// The player's modules import one another in circles (playing may start the stream, which may
// jump, which plays). That is safe because none of them does anything when loaded: only the
// calls below, made once every module is loaded, attach listeners and touch the page.

// The bar's buttons name their action in data-action.
const actions = {
  toggle: togglePlay,
  "previous-sentence": () => stepSentence(-1),
  "next-sentence": () => stepSentence(1),
  "previous-paragraph": () => stepParagraph(-1),
  "next-paragraph": () => stepParagraph(1),
  "back-15": () => jumpBy(-15),
  "forward-15": () => jumpBy(15),
  slower: () => stepSpeed(-1),
  faster: () => stepSpeed(1),
};

export function startPlayer() {
  if (!findPlayer()) return;
  ui.bar.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });
  // Several of these listen to the same <audio> events; this order keeps their reactions in the
  // order the reader has always seen: controls, time, highlight, saved place, lock screen.
  setUpTransport();
  setUpTimeline();
  setUpFollowAlong();
  setUpWords(); // after follow-along: a click moves to the sentence, then on to the word
  setUpPlace();
  setUpMediaSession();
  setUpKeys();
  setUpListeningLanguage();
  setUpVoiceMenu();
  setUpContinuous(); // before the sleep timer: its "end of article" is read when the article ends
  setUpSleepTimer();

  applySpeed(currentSpeed());
  offerResume();
  startFromQueue();
}
