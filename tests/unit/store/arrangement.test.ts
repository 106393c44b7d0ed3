import { describe, expect, it } from 'vitest';
import { makeApp } from './fakes';

const sections = (app: ReturnType<typeof makeApp>) =>
  app.state().song.arrangement.map((s) => {
    const phrase = app.state().song.phrases.find((p) => p.id === s.phraseId);
    return `${phrase?.name}x${s.repeats}${s.transpose ? `${s.transpose > 0 ? '+' : ''}${s.transpose}` : ''}`;
  });
const names = (app: ReturnType<typeof makeApp>) => app.state().song.phrases.map((p) => p.name);

describe('phrase library', () => {
  it('adding a phrase names it with the next free letter, gives it a colour and shows it in the grid', () => {
    const app = makeApp();
    const id = app.actions.addPhrase();
    expect(names(app)).toEqual(['A', 'B']);
    const b = app.state().song.phrases[1];
    expect(b.id).toBe(id);
    expect(b.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(b.color).not.toBe(app.state().song.phrases[0].color);
    expect(app.state().editor.currentPhraseId).toBe(id);
  });

  it('duplicating a phrase copies its notes under a new letter, and undo removes the copy', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    const a = app.state().song.phrases[0];
    const copyId = app.actions.duplicatePhrase(a.id)!;
    const copy = app.state().song.phrases.find((p) => p.id === copyId)!;
    expect(copy.name).toBe('B');
    expect(copy.notes).toEqual(a.notes);
    app.actions.undo();
    expect(names(app)).toEqual(['A']);
  });

  it('renaming refuses empty and duplicate names with a reason and leaves the name alone', () => {
    const app = makeApp();
    const b = app.actions.addPhrase();
    expect(app.actions.renamePhrase(b, '  ')).toMatchObject({ ok: false, reason: expect.stringMatching(/name/) });
    expect(app.actions.renamePhrase(b, 'A')).toMatchObject({ ok: false, reason: expect.stringMatching(/already/) });
    expect(names(app)).toEqual(['A', 'B']);
    expect(app.actions.renamePhrase(b, ' Chorus ')).toEqual({ ok: true });
    expect(names(app)).toEqual(['A', 'Chorus']);
  });

  it('colours must be hex colours; a good one is stored', () => {
    const app = makeApp();
    const a = app.state().song.phrases[0].id;
    expect(app.actions.setPhraseColor(a, 'red; background:url(x)').ok).toBe(false);
    expect(app.actions.setPhraseColor(a, '#123abc')).toEqual({ ok: true });
    expect(app.state().song.phrases[0].color).toBe('#123abc');
  });

  it('deleting a phrase removes the sections that play it; the last phrase cannot be deleted', () => {
    const app = makeApp();
    const a = app.state().song.phrases[0].id;
    const b = app.actions.addPhrase();
    app.actions.addSection(b);
    app.actions.addSection(a);
    expect(sections(app)).toEqual(['Ax1', 'Bx1', 'Ax1']);
    expect(app.actions.deletePhrase(a)).toEqual({ ok: true });
    expect(sections(app)).toEqual(['Bx1']);
    expect(app.state().editor.currentPhraseId).toBe(b);
    const last = app.actions.deletePhrase(b);
    expect(last.ok).toBe(false);
    expect(names(app)).toEqual(['B']);
  });
});

describe('arrangement', () => {
  function twoPhraseSong() {
    const app = makeApp();
    const a = app.state().song.phrases[0].id;
    const b = app.actions.addPhrase();
    app.actions.addSection(b);
    return { app, a, b };
  }

  it('sections are added at the end or at an index', () => {
    const { app, b } = twoPhraseSong();
    app.actions.addSection(b, 0);
    expect(sections(app)).toEqual(['Bx1', 'Ax1', 'Bx1']);
  });

  it('a section cannot play a phrase the song does not have', () => {
    const { app } = twoPhraseSong();
    expect(app.actions.addSection('nope')).toBeNull();
    expect(sections(app)).toEqual(['Ax1', 'Bx1']);
  });

  it('duplicating a section inserts the copy right after it, with its repeats and transposition', () => {
    const { app } = twoPhraseSong();
    const first = app.state().song.arrangement[0].id;
    app.actions.setSectionRepeats(first, 3);
    app.actions.setSectionTranspose(first, -5);
    const copy = app.actions.duplicateSection(first);
    expect(copy).not.toBe(first);
    expect(sections(app)).toEqual(['Ax3-5', 'Ax3-5', 'Bx1']);
  });

  it('moving a section reorders the arrangement, clamped at both ends, as one undo step', () => {
    const { app } = twoPhraseSong();
    const [first] = app.state().song.arrangement;
    app.actions.moveSection(first.id, 1);
    expect(sections(app)).toEqual(['Bx1', 'Ax1']);
    app.actions.moveSection(first.id, 99);
    expect(sections(app)).toEqual(['Bx1', 'Ax1']);
    app.actions.moveSection(first.id, -4);
    expect(sections(app)).toEqual(['Ax1', 'Bx1']);
    app.actions.undo();
    expect(sections(app)).toEqual(['Bx1', 'Ax1']);
  });

  it('repeats and transposition are clamped with a reason; NaN changes nothing', () => {
    const { app } = twoPhraseSong();
    const id = app.state().song.arrangement[1].id;
    expect(app.actions.setSectionRepeats(id, 40)).toMatchObject({ ok: false, reason: expect.stringMatching(/16/) });
    expect(app.actions.setSectionTranspose(id, -99)).toMatchObject({ ok: false, reason: expect.stringMatching(/-24/) });
    expect(app.actions.setSectionRepeats(id, Number.NaN).ok).toBe(false);
    expect(sections(app)).toEqual(['Ax1', 'Bx16-24']);
  });

  it('deleting a section keeps its phrase in the library; undo brings the section back', () => {
    const { app } = twoPhraseSong();
    const id = app.state().song.arrangement[0].id;
    app.actions.deleteSection(id);
    expect(sections(app)).toEqual(['Bx1']);
    expect(names(app)).toEqual(['A', 'B']);
    app.actions.undo();
    expect(sections(app)).toEqual(['Ax1', 'Bx1']);
  });
});

describe('the mix', () => {
  it('melody and chords have their own volume (clamped to -60..6 dB) and mute; chords their own instrument', () => {
    const app = makeApp();
    expect(app.actions.setPartVolume('chords', -12)).toEqual({ ok: true });
    expect(app.actions.setPartVolume('melody', 20).ok).toBe(false);
    app.actions.setPartMuted('melody', true);
    app.actions.setChordsInstrument('fm-bell');
    expect(app.state().song.instruments).toMatchObject({
      chordsVolume: -12,
      melodyVolume: 6,
      melodyMuted: true,
      chordsMuted: false,
      chords: 'fm-bell',
    });
    app.actions.undo();
    expect(app.state().song.instruments.chords).toBe('triangle-synth');
  });
});
