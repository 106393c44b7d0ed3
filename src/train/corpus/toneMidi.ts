/**
 * @tonejs/midi is CommonJS under Node (tsx) but ESM under Vite/Vitest; this picks the Midi class from
 * whichever shape the loader produced.
 */
import * as toneMidi from '@tonejs/midi';

type MidiModule = typeof toneMidi;
const mod = toneMidi as MidiModule & { default?: MidiModule };

export const Midi: MidiModule['Midi'] = mod.Midi ?? mod.default!.Midi;
export type Midi = InstanceType<MidiModule['Midi']>;
