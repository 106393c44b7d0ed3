import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  assignmentLinkKind,
  clampTemperature,
  decodeAssignmentLink,
  decodeTemplate,
  describeLocks,
  encodeAssignmentLink,
  encodeTemplate,
  openTemplate,
  type AssignmentTemplate,
} from '../../../src/core/assignment';
import { createPhrase, createSong } from '../../../src/core/song';

let counter = 0;
const deps = { now: 1_700_000_000_000, newId: () => `id${++counter}` };

function lockedTemplate(): AssignmentTemplate {
  return {
    ...openTemplate({ tonic: 'D', scale: 'dorian' }),
    brief: 'Write a 4-bar answer phrase',
    lockKey: true,
    lockScale: true,
    bars: 4,
    temperature: { min: 0.5, max: 1 },
    modelAllowed: true,
  };
}

describe('assignment templates', () => {
  it('round-trips through its URL token', () => {
    const t = lockedTemplate();
    const token = encodeTemplate(t);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTemplate(token)).toEqual(t);
  });

  it('refuses tokens that are broken or out of range', () => {
    expect(decodeTemplate('not base64!')).toBeNull();
    expect(decodeTemplate(encodeTemplate({ ...lockedTemplate(), temperature: { min: 1.5, max: 1 } }))).toBeNull();
    expect(decodeTemplate(encodeTemplate({ ...lockedTemplate(), bars: 99 }))).toBeNull();
    expect(decodeTemplate(encodeTemplate({ ...lockedTemplate(), key: { tonic: 'H', scale: 'major' } }))).toBeNull();
    expect(decodeTemplate(btoa('{"v":2}'))).toBeNull();
  });

  it('clamps the temperature into the allowed range', () => {
    const t = lockedTemplate();
    expect(clampTemperature(t, 1.8)).toBe(1);
    expect(clampTemperature(t, 0.1)).toBe(0.5);
    expect(clampTemperature(t, 0.7)).toBe(0.7);
  });

  it('describes its locks in plain words', () => {
    expect(describeLocks(lockedTemplate())).toEqual([
      'Key: D',
      'Scale: dorian',
      'Phrase length: 4 bars',
      'Temperature 0.5-1',
    ]);
    expect(describeLocks({ ...lockedTemplate(), modelAllowed: false })).toContain('No model proposals');
    expect(describeLocks(openTemplate({ tonic: 'C', scale: 'major' }))).toEqual([]);
  });

  it('fits a song to the locked key, scale and phrase length', () => {
    const song = createSong({ phrases: [createPhrase('A', 2, deps), createPhrase('B', 4, deps)] }, deps);
    const fitted = applyTemplate(song, lockedTemplate());
    expect(fitted.key).toEqual({ tonic: 'D', scale: 'dorian' });
    expect(fitted.phrases.map((p) => p.bars)).toEqual([4, 4]);
    expect(applyTemplate(song, openTemplate(song.key))).toBe(song);
  });
});

describe('assignment links', () => {
  it('an assignment link carries the song and its locks, and opens fitted to them', async () => {
    const song = createSong({ title: 'Homework', phrases: [createPhrase('A', 2, deps)] }, deps);
    const fragment = await encodeAssignmentLink(song, lockedTemplate(), 'assignment');
    expect(assignmentLinkKind(`#${fragment}`)).toBe('assignment');
    const opened = await decodeAssignmentLink(`#${fragment}`, deps);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.kind).toBe('assignment');
    expect(opened.template).toEqual(lockedTemplate());
    expect(opened.song.title).toBe('Homework');
    expect(opened.song.key).toEqual({ tonic: 'D', scale: 'dorian' });
    expect(opened.song.phrases[0].bars).toBe(4);
  });

  it('a hand-back link opens as a hand-back with the song as the student left it', async () => {
    const song = createSong({ phrases: [createPhrase('A', 2, deps)] }, deps);
    const opened = await decodeAssignmentLink(await encodeAssignmentLink(song, lockedTemplate(), 'handback'), deps);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.kind).toBe('handback');
    expect(opened.song.phrases[0].bars).toBe(2);
  });

  it('a plain share link is not an assignment, and a broken token is refused with a reason', async () => {
    expect(assignmentLinkKind('#song=abc')).toBeNull();
    const opened = await decodeAssignmentLink('#song=abc&assignment=%%%');
    expect(opened).toEqual({ ok: false, reason: expect.stringMatching(/assignment link is broken/) });
  });
});
