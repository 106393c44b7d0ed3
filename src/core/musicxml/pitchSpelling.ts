import type { MidiPitch } from '../types';

/**
 * Spelling MIDI pitches as written notes (step, alter, octave) under a key signature, and the accidentals a
 * measure needs: a note shows one when its alteration differs from what the key signature, or an earlier
 * note on the same line of the staff in the same measure, says.
 */

export interface SpelledPitch {
  step: string;
  alter: number;
  octave: number;
}

const STEPS = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const STEP_PITCH_CLASS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const SHARP_ORDER = ['F', 'C', 'G', 'D', 'A', 'E', 'B'];
const FLAT_ORDER = ['B', 'E', 'A', 'D', 'G', 'C', 'F'];

/** The alteration the key signature gives each step: fifths 2 → F and C sharp. */
export function keyAlterations(fifths: number): Record<string, number> {
  const alterations: Record<string, number> = { C: 0, D: 0, E: 0, F: 0, G: 0, A: 0, B: 0 };
  for (let i = 0; i < Math.min(7, Math.abs(fifths)); i++) {
    if (fifths > 0) alterations[SHARP_ORDER[i]] = 1;
    else alterations[FLAT_ORDER[i]] = -1;
  }
  return alterations;
}

/**
 * A pitch spelled in a key: notes of the key's scale as the signature writes them, others with sharps in
 * sharp and minor keys (raised sixths and sevenths), flats in flat major keys.
 */
export function spellPitch(pitch: MidiPitch, fifths: number, minor: boolean): SpelledPitch {
  const pc = ((pitch % 12) + 12) % 12;
  const signature = keyAlterations(fifths);
  let spelled: { step: string; alter: number } | undefined;
  for (const step of STEPS) {
    if ((((STEP_PITCH_CLASS[step] + signature[step]) % 12) + 12) % 12 === pc)
      spelled = { step, alter: signature[step] };
  }
  if (!spelled) {
    const natural = STEPS.find((s) => STEP_PITCH_CLASS[s] === pc);
    if (natural) spelled = { step: natural, alter: 0 };
    else if (fifths >= 0 || minor)
      spelled = { step: STEPS.find((s) => STEP_PITCH_CLASS[s] === (pc + 11) % 12) as string, alter: 1 };
    else spelled = { step: STEPS.find((s) => STEP_PITCH_CLASS[s] === (pc + 1) % 12) as string, alter: -1 };
  }
  const naturalPitch = pitch - spelled.alter;
  return { ...spelled, octave: Math.floor(naturalPitch / 12) - 1 };
}

/** The MIDI pitch of a written note. */
export function pitchOf(step: string, alter: number, octave: number): MidiPitch {
  return (octave + 1) * 12 + (STEP_PITCH_CLASS[step] ?? 0) + alter;
}

/** Tracks the alterations in force within one measure, to say which notes need an accidental sign. */
export class MeasureAccidentals {
  private readonly inForce = new Map<string, number>();
  constructor(private readonly signature: Record<string, number>) {}

  /** The accidental to print for this note ("sharp", "flat", "natural" ...), or null when none is needed. */
  accidentalFor(note: SpelledPitch): string | null {
    const line = `${note.step}${note.octave}`;
    const current = this.inForce.get(line) ?? this.signature[note.step];
    if (current === note.alter) return null;
    this.inForce.set(line, note.alter);
    return (
      ({ [-2]: 'flat-flat', [-1]: 'flat', 0: 'natural', 1: 'sharp', 2: 'double-sharp' } as Record<number, string>)[
        note.alter
      ] ?? null
    );
  }
}
