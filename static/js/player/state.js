// state.js — what the player knows right now, shared by its modules.

// What a fresh article starts with (the queue's next article, switched to in place).
function initial() {
  return {
    started: false,     // the audio element has a source
    cues: [],           // the timing track so far (complete once state.complete)
    complete: false,
    current: null,      // the cue being read
    currentElement: null,
    pending: null,      // a jump waiting for its cue to be rendered: {find(cues), andPlay}
    polling: null,
    following: true,    // the page scrolls with the reading until the reader scrolls away
    autoScrollUntil: 0, // scroll events before this come from our own scrolling
    userScrollAt: 0,
    savedAt: 0,
    resumeAt: null,     // the saved place the Listen button resumes from (the offer is up)
  };
}

export const state = initial();

export function resetState() {
  window.clearInterval(state.polling);
  Object.assign(state, initial());
}
