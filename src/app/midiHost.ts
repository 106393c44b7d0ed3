import { noteStartingAt } from '../core/edit';
import { phraseSteps } from '../core/meter';
import type { MidiSongHost } from '../midi/midiController';
import { selectCurrentPhrase } from '../store/selectors';
import type { AppActions, AppStore } from '../store/types';

/** The bars of clicks before a recorded take. */
const COUNT_IN_BARS = 1;

/**
 * The MIDI controller's view of the app: the current phrase, the grid's own edit actions and the transport.
 * A take is one undo step, played with the metronome (put back afterwards) after a count-in.
 */
export function midiSongHost({ store, actions }: { store: AppStore; actions: AppActions }): MidiSongHost {
  let metronomeWasOn = false;
  return {
    currentPhrase() {
      const state = store.getState();
      const phrase = selectCurrentPhrase(state);
      return phrase
        ? { id: phrase.id, notes: phrase.notes, steps: phraseSteps(phrase, state.song.timeSignature) }
        : null;
    },
    tempo: () => store.getState().song.tempo,
    beatsPerBar: () => store.getState().song.timeSignature.beats,
    isPlaying: () => store.getState().transport.playing,
    writeNote(note) {
      const phrase = selectCurrentPhrase(store.getState());
      if (!phrase) return;
      const existing = noteStartingAt(phrase.notes, note.start);
      if (!existing || existing.pitch !== note.pitch) actions.toggleNote(note.pitch, note.start, note.velocity);
      actions.setNoteLength(note.start, note.length);
    },
    stop: () => actions.stop(),
    async startTake(phraseId) {
      metronomeWasOn = store.getState().transport.metronome;
      if (!metronomeWasOn) actions.toggleMetronome();
      actions.beginGesture();
      await actions.play({ kind: 'phrase', phraseId }, { countInBars: COUNT_IN_BARS });
    },
    endTake() {
      actions.endGesture();
      if (store.getState().transport.playing) actions.stop();
      if (!metronomeWasOn && store.getState().transport.metronome) actions.toggleMetronome();
    },
    onStop(listener) {
      return store.subscribe((state, previous) => {
        if (!state.transport.playing && previous.transport.playing) listener();
      });
    },
  };
}
