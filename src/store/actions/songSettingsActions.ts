import { findPhrase, updatePhrase } from '../../core/song';
import { clampWithReason } from '../../core/clamp';
import { isKeyTonic, SCALE_NAMES } from '../../core/scale';
import { isInstrumentId, LIMITS, type ScaleName, type TimeSignature } from '../../core/types';
import { VALIDATION_LIMITS } from '../../core/validate';
import { changeSong, type StoreContext } from '../context';
import type { AppActions, Result } from '../types';
import { fitNotesToLength } from './phraseEdits';
import { selectCurrentPhrase } from '../selectors';

const OK: Result = { ok: true };
const BEAT_UNITS: readonly number[] = VALIDATION_LIMITS.beatUnits;
const MAX_BEATS_PER_BAR = VALIDATION_LIMITS.beats.max;
const MAX_TITLE_LENGTH = VALIDATION_LIMITS.titleLength;

type SettingsActions = Pick<
  AppActions,
  'setTempo' | 'setSwing' | 'setKey' | 'setScale' | 'setTimeSignature' | 'setBars' | 'setTitle' | 'setInstrument'
>;

export function createSongSettingsActions(ctx: StoreContext): SettingsActions {
  function setNumber(value: number, min: number, max: number, what: string, apply: (v: number) => void): Result {
    const checked = clampWithReason(value, { min, max }, what);
    if (checked.value !== null) apply(checked.value);
    return checked.reason === null ? OK : { ok: false, reason: checked.reason };
  }

  return {
    setTempo(value) {
      return setNumber(value, LIMITS.tempo.min, LIMITS.tempo.max, 'Tempo', (tempo) =>
        changeSong(ctx, (song) => (song.tempo === tempo ? song : { ...song, tempo })),
      );
    },

    setSwing(value) {
      return setNumber(value, LIMITS.swing.min, LIMITS.swing.max, 'Swing', (swing) =>
        changeSong(ctx, (song) => (song.swing === swing ? song : { ...song, swing })),
      );
    },

    setKey(tonic) {
      const trimmed = typeof tonic === 'string' ? tonic.trim() : '';
      const spelled = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
      if (!isKeyTonic(spelled)) {
        return { ok: false, reason: `"${trimmed}" is not a key; use a note name such as C, F# or Bb.` };
      }
      changeSong(ctx, (song) =>
        song.key.tonic === spelled ? song : { ...song, key: { ...song.key, tonic: spelled } },
      );
      return OK;
    },

    setScale(name) {
      if (!SCALE_NAMES.includes(name as ScaleName)) {
        return { ok: false, reason: `"${String(name)}" is not a scale Phrasewright knows.` };
      }
      changeSong(ctx, (song) => (song.key.scale === name ? song : { ...song, key: { ...song.key, scale: name } }));
      return OK;
    },

    setTimeSignature(ts: TimeSignature) {
      const beats = Math.round(ts?.beats);
      if (!Number.isFinite(beats) || beats < 1 || beats > MAX_BEATS_PER_BAR) {
        return { ok: false, reason: `Beats per bar must be between 1 and ${MAX_BEATS_PER_BAR}.` };
      }
      if (!BEAT_UNITS.includes(ts.beatUnit)) {
        return { ok: false, reason: `The beat unit must be one of ${BEAT_UNITS.join(', ')}.` };
      }
      changeSong(ctx, (song) => {
        if (song.timeSignature.beats === beats && song.timeSignature.beatUnit === ts.beatUnit) return song;
        const timeSignature = { beats, beatUnit: ts.beatUnit };
        // Bars keep their count; notes past a shorter phrase end are cut so nothing sounds outside it.
        const phrases = song.phrases.map((p) => fitNotesToLength(p, timeSignature));
        return { ...song, timeSignature, phrases };
      });
      return OK;
    },

    setBars(n) {
      return setNumber(Math.round(n), LIMITS.bars.min, LIMITS.bars.max, 'Bars', (bars) => {
        const id = selectCurrentPhrase(ctx.store.getState())?.id ?? '';
        changeSong(ctx, (song) => {
          const phrase = findPhrase(song, id);
          if (!phrase || phrase.bars === bars) return song;
          return updatePhrase(song, id, (p) => fitNotesToLength({ ...p, bars }, song.timeSignature));
        });
      });
    },

    setTitle(title) {
      const trimmed = typeof title === 'string' ? title.trim() : '';
      if (!trimmed) return { ok: false, reason: 'A song needs a title.' };
      const clipped = trimmed.slice(0, MAX_TITLE_LENGTH);
      changeSong(ctx, (song) => (song.title === clipped ? song : { ...song, title: clipped }));
      return clipped === trimmed
        ? OK
        : { ok: false, reason: `Titles are at most ${MAX_TITLE_LENGTH} characters; shortened.` };
    },

    setInstrument(id) {
      if (!isInstrumentId(id)) return;
      changeSong(ctx, (song) =>
        song.instruments.melody === id ? song : { ...song, instruments: { ...song.instruments, melody: id } },
      );
    },
  };
}
