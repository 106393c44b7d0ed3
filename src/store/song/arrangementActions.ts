import { clampWithReason } from '../../core/clamp';
import { findPhrase, isHexColor, nextPhraseName, phraseColorFor } from '../../core/song';
import { isInstrumentId, LIMITS, type Phrase, type Section, type Song } from '../../core/types';
import { VALIDATION_LIMITS } from '../../core/validate';
import { changeSong, type StoreContext } from '../context';
import type { ArrangementActions, Result } from './types';
import { selectCurrentPhrase } from '../selectors';

const OK: Result = { ok: true };
const DEFAULT_BARS = 2;

/** A whole number clamped into the range, with the reason when it had to be; NaN is refused. */
function clamp(
  value: number,
  range: { min: number; max: number },
  what: string,
): { value: number | null; result: Result } {
  const { value: clamped, reason } = clampWithReason(Math.round(value), range, what);
  return { value: clamped, result: reason === null ? OK : { ok: false, reason } };
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function updateSection(song: Song, id: string, fn: (s: Section) => Section): Song {
  const index = song.arrangement.findIndex((s) => s.id === id);
  if (index < 0) return song;
  const next = fn(song.arrangement[index]);
  if (next === song.arrangement[index]) return song;
  const arrangement = song.arrangement.slice();
  arrangement[index] = next;
  return { ...song, arrangement };
}

/** The phrase library, the arrangement and the mix: every change is one undo step of the song. */
export function createArrangementActions(ctx: StoreContext): ArrangementActions {
  const song = () => ctx.store.getState().song;
  const showPhrase = (id: string) => ({ editor: { ...ctx.store.getState().editor, currentPhraseId: id } });

  function phraseLimitReached(): boolean {
    return song().phrases.length >= VALIDATION_LIMITS.phrases;
  }

  function setVolume(part: 'melody' | 'chords', decibels: number): Result {
    const checked = clamp(decibels, VALIDATION_LIMITS.volume, 'Volume');
    if (checked.value === null) return checked.result;
    const db = checked.value;
    const key = part === 'melody' ? 'melodyVolume' : 'chordsVolume';
    changeSong(ctx, (s) => (s.instruments[key] === db ? s : { ...s, instruments: { ...s.instruments, [key]: db } }));
    return checked.result;
  }

  return {
    addPhrase() {
      if (phraseLimitReached()) return '';
      const current = selectCurrentPhrase(ctx.store.getState());
      const name = nextPhraseName(song());
      const phrase: Phrase = {
        id: ctx.newId(),
        name,
        color: phraseColorFor(name),
        bars: current?.bars ?? DEFAULT_BARS,
        notes: [],
        origin: { kind: 'empty' },
        history: [],
        updatedAt: ctx.now(),
      };
      changeSong(ctx, (s) => ({ ...s, phrases: [...s.phrases, phrase] }), showPhrase(phrase.id));
      return phrase.id;
    },

    duplicatePhrase(phraseId) {
      const source = findPhrase(song(), phraseId);
      if (!source || phraseLimitReached()) return null;
      const name = nextPhraseName(song());
      const copy: Phrase = {
        ...source,
        id: ctx.newId(),
        name,
        color: phraseColorFor(name),
        origin: { ...source.origin, action: `copy of ${source.name}` },
        updatedAt: ctx.now(),
      };
      changeSong(
        ctx,
        (s) => {
          const index = s.phrases.findIndex((p) => p.id === phraseId);
          const phrases = s.phrases.slice();
          phrases.splice(index + 1, 0, copy);
          return { ...s, phrases };
        },
        showPhrase(copy.id),
      );
      return copy.id;
    },

    deletePhrase(phraseId) {
      const s = song();
      const phrase = findPhrase(s, phraseId);
      if (!phrase) return { ok: false, reason: 'That phrase is no longer in the song.' };
      if (s.phrases.length <= 1)
        return { ok: false, reason: 'A song needs at least one phrase; add another before deleting this one.' };
      const phrases = s.phrases.filter((p) => p.id !== phraseId);
      const editor = ctx.store.getState().editor;
      const extra =
        editor.currentPhraseId === phraseId ? { editor: { ...editor, currentPhraseId: phrases[0].id } } : undefined;
      // Sections that played the phrase go with it: a section of nothing would be silence with a name.
      changeSong(
        ctx,
        (x) => ({ ...x, phrases, arrangement: x.arrangement.filter((sec) => sec.phraseId !== phraseId) }),
        extra,
      );
      return OK;
    },

    renamePhrase(phraseId, name) {
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (!trimmed) return { ok: false, reason: 'A phrase needs a name.' };
      if (trimmed.length > VALIDATION_LIMITS.nameLength) {
        return { ok: false, reason: `Phrase names are at most ${VALIDATION_LIMITS.nameLength} characters.` };
      }
      const s = song();
      if (!findPhrase(s, phraseId)) return { ok: false, reason: 'That phrase is no longer in the song.' };
      if (s.phrases.some((p) => p.id !== phraseId && p.name === trimmed)) {
        return { ok: false, reason: `Another phrase is already called "${trimmed}".` };
      }
      changeSong(ctx, (x) => ({
        ...x,
        phrases: x.phrases.map((p) => (p.id === phraseId && p.name !== trimmed ? { ...p, name: trimmed } : p)),
      }));
      return OK;
    },

    setPhraseColor(phraseId, color) {
      if (!isHexColor(color)) return { ok: false, reason: 'Colours are written like #2e86ab.' };
      if (!findPhrase(song(), phraseId)) return { ok: false, reason: 'That phrase is no longer in the song.' };
      changeSong(ctx, (x) => ({
        ...x,
        phrases: x.phrases.map((p) => (p.id === phraseId && p.color !== color ? { ...p, color } : p)),
      }));
      return OK;
    },

    addSection(phraseId, index) {
      const s = song();
      if (!findPhrase(s, phraseId) || s.arrangement.length >= VALIDATION_LIMITS.sections) return null;
      const section: Section = { id: ctx.newId(), phraseId, repeats: 1, transpose: 0 };
      changeSong(ctx, (x) => {
        const arrangement = x.arrangement.slice();
        const at =
          index === undefined ? arrangement.length : Math.max(0, Math.min(arrangement.length, Math.round(index)));
        arrangement.splice(at, 0, section);
        return { ...x, arrangement };
      });
      return section.id;
    },

    duplicateSection(sectionId) {
      const s = song();
      const index = s.arrangement.findIndex((sec) => sec.id === sectionId);
      if (index < 0 || s.arrangement.length >= VALIDATION_LIMITS.sections) return null;
      const copy: Section = { ...s.arrangement[index], id: ctx.newId() };
      changeSong(ctx, (x) => {
        const arrangement = x.arrangement.slice();
        arrangement.splice(index + 1, 0, copy);
        return { ...x, arrangement };
      });
      return copy.id;
    },

    deleteSection(sectionId) {
      changeSong(ctx, (x) =>
        x.arrangement.some((s) => s.id === sectionId)
          ? { ...x, arrangement: x.arrangement.filter((s) => s.id !== sectionId) }
          : x,
      );
    },

    moveSection(sectionId, toIndex) {
      changeSong(ctx, (x) => {
        const from = x.arrangement.findIndex((s) => s.id === sectionId);
        if (from < 0 || Number.isNaN(toIndex)) return x;
        const to = Math.max(0, Math.min(x.arrangement.length - 1, Math.round(toIndex)));
        return from === to ? x : { ...x, arrangement: moved(x.arrangement, from, to) };
      });
    },

    setSectionRepeats(sectionId, repeats) {
      const checked = clamp(repeats, LIMITS.repeats, 'Repeats');
      if (checked.value === null) return checked.result;
      const value = checked.value;
      changeSong(ctx, (x) => updateSection(x, sectionId, (s) => (s.repeats === value ? s : { ...s, repeats: value })));
      return checked.result;
    },

    setSectionTranspose(sectionId, semitones) {
      const checked = clamp(semitones, LIMITS.transpose, 'Transposition');
      if (checked.value === null) return checked.result;
      const value = checked.value;
      changeSong(ctx, (x) =>
        updateSection(x, sectionId, (s) => (s.transpose === value ? s : { ...s, transpose: value })),
      );
      return checked.result;
    },

    setChordsInstrument(id) {
      if (!isInstrumentId(id)) return;
      changeSong(ctx, (x) =>
        x.instruments.chords === id ? x : { ...x, instruments: { ...x.instruments, chords: id } },
      );
    },

    setPartVolume: setVolume,

    setPartMuted(part, muted) {
      const key = part === 'melody' ? 'melodyMuted' : 'chordsMuted';
      changeSong(ctx, (x) =>
        x.instruments[key] === muted ? x : { ...x, instruments: { ...x.instruments, [key]: muted } },
      );
    },
  };
}
