import { describe, expect, it } from 'vitest';
import { makeApp } from './fakes';

describe('song settings', () => {
  it('setTempo accepts values inside 40-240 BPM', () => {
    const app = makeApp();
    expect(app.actions.setTempo(128)).toEqual({ ok: true });
    expect(app.state().song.tempo).toBe(128);
  });

  it('setTempo clamps values outside 40-240 and says why', () => {
    const app = makeApp();
    const high = app.actions.setTempo(300);
    expect(high.ok).toBe(false);
    expect(app.state().song.tempo).toBe(240);
    if (!high.ok) expect(high.reason).toMatch(/240/);
    const low = app.actions.setTempo(5);
    expect(low.ok).toBe(false);
    expect(app.state().song.tempo).toBe(40);
  });

  it('setTempo refuses NaN and leaves the tempo alone', () => {
    const app = makeApp();
    const result = app.actions.setTempo(Number.NaN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/number/);
    expect(app.state().song.tempo).toBe(110);
    expect(app.actions.canUndo()).toBe(false);
  });

  it('setting the same tempo again makes no undo step', () => {
    const app = makeApp();
    app.actions.setTempo(110);
    expect(app.actions.canUndo()).toBe(false);
  });

  it('setSwing clamps into 0..1', () => {
    const app = makeApp();
    expect(app.actions.setSwing(0.4)).toEqual({ ok: true });
    expect(app.state().song.swing).toBe(0.4);
    expect(app.actions.setSwing(2).ok).toBe(false);
    expect(app.state().song.swing).toBe(1);
  });

  it('setKey accepts note names (any case) and refuses anything else', () => {
    const app = makeApp();
    expect(app.actions.setKey('f#')).toEqual({ ok: true });
    expect(app.state().song.key).toEqual({ tonic: 'F#', scale: 'major' });
    for (const bad of ['H', '', 'C major', 'C4']) {
      expect(app.actions.setKey(bad).ok).toBe(false);
    }
    expect(app.state().song.key.tonic).toBe('F#');
  });

  it('setScale accepts known scales only', () => {
    const app = makeApp();
    expect(app.actions.setScale('dorian')).toEqual({ ok: true });
    expect(app.state().song.key.scale).toBe('dorian');
    expect(app.actions.setScale('bogus' as never).ok).toBe(false);
    expect(app.state().song.key.scale).toBe('dorian');
  });

  it('setBars changes the current phrase length (1-8) and cuts notes past the new end', () => {
    const app = makeApp();
    app.actions.setBars(4);
    app.actions.toggleNote(60, 2);
    app.actions.toggleNote(62, 40);
    app.actions.setBars(1);
    expect(app.phrase().bars).toBe(1);
    expect(app.notes().map((n) => n.start)).toEqual([2]);
    expect(app.actions.setBars(12).ok).toBe(false);
    expect(app.phrase().bars).toBe(8);
    expect(app.actions.setBars(Number.NaN).ok).toBe(false);
    expect(app.phrase().bars).toBe(8);
  });

  it('setTimeSignature refuses odd beat units and cuts notes a shorter bar no longer holds', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 28); // bar 2 of 4/4 (steps 16..31)
    expect(app.actions.setTimeSignature({ beats: 3, beatUnit: 4 })).toEqual({ ok: true });
    expect(app.state().song.timeSignature).toEqual({ beats: 3, beatUnit: 4 });
    expect(app.notes()).toEqual([]); // 2 bars of 3/4 = 24 steps
    expect(app.actions.setTimeSignature({ beats: 3, beatUnit: 5 }).ok).toBe(false);
    expect(app.actions.setTimeSignature({ beats: 0, beatUnit: 4 }).ok).toBe(false);
    expect(app.state().song.timeSignature).toEqual({ beats: 3, beatUnit: 4 });
  });

  it('setTitle trims, refuses an empty title and is undoable', () => {
    const app = makeApp();
    expect(app.actions.setTitle('  Night walk ')).toEqual({ ok: true });
    expect(app.state().song.title).toBe('Night walk');
    expect(app.actions.setTitle('   ').ok).toBe(false);
    expect(app.state().song.title).toBe('Night walk');
  });

  it('setInstrument chooses the melody voice', () => {
    const app = makeApp();
    app.actions.setInstrument('fm-bell');
    expect(app.state().song.instruments.melody).toBe('fm-bell');
    app.actions.setInstrument('kazoo' as never);
    expect(app.state().song.instruments.melody).toBe('fm-bell');
  });
});
