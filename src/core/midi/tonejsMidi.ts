import * as tonejsMidi from '@tonejs/midi';

/**
 * The @tonejs/midi Midi class, however the module was loaded: bundlers read its ES build (named exports),
 * while plain Node (the bench, scripts) loads its UMD build, whose exports sit on `default`.
 */
type TonejsModule = typeof tonejsMidi;

const loaded = tonejsMidi as TonejsModule & { default?: TonejsModule };

export const Midi: TonejsModule['Midi'] = loaded.Midi ?? (loaded.default as TonejsModule).Midi;
export type Midi = InstanceType<TonejsModule['Midi']>;
