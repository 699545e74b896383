// media-session.js — the lock screen and headphone buttons: what is playing, and their actions (next/previous: the queue).
import { ui } from "./elements.js";
import { state } from "./state.js";
import { knownDuration } from "./track.js";
import { nextTrack, previousTrack } from "./continuous.js";
import { play, seekTo } from "./transport.js";

const supported = () => "mediaSession" in navigator;
let described = null; // the title on the lock screen
let handled = false;

// On play: before that there is nothing for the lock screen to show. Again when the queue's
// next article plays in place.
function describeReading() {
  if (!supported() || typeof window.MediaMetadata !== "function") return;
  const { title, site, source, artworkPng, artworkSvg } = ui.bar.dataset;
  if (described === title) return;
  described = title;
  navigator.mediaSession.metadata = new window.MediaMetadata({
    title,
    artist: source || site,
    album: site,
    artwork: [
      { src: new URL(artworkPng, document.baseURI).href, sizes: "512x512", type: "image/png" },
      { src: new URL(artworkSvg, document.baseURI).href, sizes: "any", type: "image/svg+xml" },
    ],
  });
  if (handled) return;
  handled = true;
  const handlers = {
    play: () => play(),
    pause: () => ui.audio.pause(),
    seekto: (details) => seekTo(details.seekTime),
    seekbackward: (details) => seekTo(ui.audio.currentTime - (details.seekOffset || 10)),
    seekforward: (details) => seekTo(ui.audio.currentTime + (details.seekOffset || 10)),
    previoustrack: () => previousTrack(),
    nexttrack: () => nextTrack(),
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
