// media-session.js — the lock screen and headphone buttons: what is playing, and their actions.
import { ui } from "./elements.js";
import { state } from "./state.js";
import { knownDuration } from "./track.js";
import { stepSentence } from "./navigation.js";
import { play, seekTo } from "./transport.js";

const supported = () => "mediaSession" in navigator;
let described = false;

// Once, on first play: before that there is nothing for the lock screen to show.
function describeReading() {
  if (described) return;
  if (!supported() || typeof window.MediaMetadata !== "function") return;
  described = true;
  const { title, site, source, artworkPng, artworkSvg } = ui.bar.dataset;
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
    pause: () => ui.audio.pause(),
    seekto: (details) => seekTo(details.seekTime),
    seekbackward: (details) => seekTo(ui.audio.currentTime - (details.seekOffset || 10)),
    seekforward: (details) => seekTo(ui.audio.currentTime + (details.seekOffset || 10)),
    previoustrack: () => stepSentence(-1),
    nexttrack: () => stepSentence(1),
  };
  Object.entries(handlers).forEach(([action, handler]) => {
    try { navigator.mediaSession.setActionHandler(action, handler); } catch (error) { /* unsupported */ }
  });
}

// Only once the whole track is known: a guessed duration would make the lock screen's bar jump.
export function updatePositionState() {
  if (!supported() || !navigator.mediaSession.setPositionState) return;
  const duration = knownDuration();
  if (!state.complete || !duration) return;
  try {
    navigator.mediaSession.setPositionState({
      duration,
      playbackRate: ui.audio.playbackRate,
      position: Math.min(ui.audio.currentTime, duration),
    });
  } catch (error) { /* position outside a changing duration: the next update fixes it */ }
}

export function setUpMediaSession() {
  const { audio } = ui;
  audio.addEventListener("playing", () => {
    describeReading();
    if (supported()) navigator.mediaSession.playbackState = "playing";
  });
  audio.addEventListener("pause", () => {
    if (!audio.ended && supported()) navigator.mediaSession.playbackState = "paused";
  });
  audio.addEventListener("seeked", updatePositionState);
  audio.addEventListener("ratechange", updatePositionState);
}
