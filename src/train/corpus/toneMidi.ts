/**
 * @tonejs/midi is CommonJS under Node (tsx) but ESM under Vite/Vitest; this picks its Midi class (a parsed
 * MIDI file) from whichever shape the loader produced.
 */
import * as toneMidi from '@tonejs/midi';

type TonejsModule = typeof toneMidi;
const mod = toneMidi as TonejsModule & { default?: TonejsModule };

export const TonejsMidi: TonejsModule['Midi'] = mod.Midi ?? mod.default!.Midi;
export type TonejsMidi = InstanceType<TonejsModule['Midi']>;
