import { describe, expect, it } from 'vitest';
import { parseCheckpointIndex, stylePair, stylesOf } from '../../../src/core/checkpointIndex';
import { chordModelPath } from '../../../src/store/proposals/chordModel';
import { chooseCheckpointUrl } from '../../../src/store/proposals/styles';
import { makeApp } from './fakes';
import { FakeModelClient } from './proposalsFakes';

// An index as `npm run train` writes it: two styles, each with a melody and a chord model.
const INDEX = {
  checkpoints: [
    {
      id: 'chord-melody-rnn-v1',
      name: 'Folk melody RNN over chords',
      kind: 'chord',
      path: 'checkpoints/chord-melody-rnn-v1',
      style: 'folk',
      styleName: 'Folk (Nottingham)',
    },
    {
      id: 'melody-rnn-v2',
      name: 'Folk melody RNN',
      kind: 'melody',
      path: 'checkpoints/melody-rnn-v2',
      style: 'folk',
      styleName: 'Folk (Nottingham)',
    },
    {
      id: 'pop-chord-melody-rnn-v1',
      name: 'Pop melody RNN over chords',
      kind: 'chord',
      path: 'checkpoints/pop-chord-melody-rnn-v1',
      style: 'pop',
      styleName: 'Pop (POP909)',
    },
    {
      id: 'pop-melody-rnn-v1',
      name: 'Pop melody RNN',
      kind: 'melody',
      path: 'checkpoints/pop-melody-rnn-v1',
      style: 'pop',
      styleName: 'Pop (POP909)',
    },
  ],
};

async function setup() {
  const model = new FakeModelClient();
  for (const c of INDEX.checkpoints) model.kinds.set(c.path, c.kind as 'melody' | 'chord');
  const app = makeApp({ proposals: { model: () => model, fetchIndex: async () => INDEX, random: () => 0.5 } });
  await app.actions.loadCheckpointIndex();
  return { ...app, model, proposals: () => app.state().proposals };
}

describe('styles of the checkpoint index', () => {
  it('are listed in index order with their names; entries from before styles are folk', () => {
    expect(stylesOf(parseCheckpointIndex(INDEX))).toEqual([
      { id: 'folk', name: 'Folk (Nottingham)' },
      { id: 'pop', name: 'Pop (POP909)' },
    ]);
    expect(stylesOf(parseCheckpointIndex({ checkpoints: [{ id: 'melody-rnn-v1', kind: 'melody' }] }))).toEqual([
      { id: 'folk', name: 'Folk (Nottingham)' },
    ]);
  });

  it('pick the style’s chord model when there are chords to follow, its melody model otherwise, a typed URL over both', () => {
    const checkpoints = parseCheckpointIndex(INDEX);
    const choose = (style: string, hasChords: boolean, customUrl = '') =>
      chooseCheckpointUrl({ customUrl, style, checkpoints, hasChords });
    expect(choose('pop', false)).toBe('checkpoints/pop-melody-rnn-v1');
    expect(choose('pop', true)).toBe('checkpoints/pop-chord-melody-rnn-v1');
    expect(choose('folk', true)).toBe('checkpoints/chord-melody-rnn-v1');
    expect(choose('pop', true, ' https://example.org/rnn ')).toBe('https://example.org/rnn');
    expect(choose('jazz', false)).toBe('');
    // A style with only one model uses it for both.
    const melodyOnly = checkpoints.filter((c) => c.id !== 'pop-chord-melody-rnn-v1');
    expect(chooseCheckpointUrl({ customUrl: '', style: 'pop', checkpoints: melodyOnly, hasChords: true })).toBe(
      'checkpoints/pop-melody-rnn-v1',
    );
  });
});

describe('the song’s style', () => {
  it('decides which models Propose uses: switching to pop changes the model, and the candidates say which wrote them', async () => {
    const app = await setup();
    await app.actions.propose();
    expect(app.model.loads).toEqual(['checkpoints/melody-rnn-v2']);
    expect(app.actions.setStyle('pop')).toEqual({ ok: true });
    expect(app.state().song.style).toBe('pop');
    await app.actions.propose();
    expect(app.model.loads).toEqual(['checkpoints/melody-rnn-v2', 'checkpoints/pop-melody-rnn-v1']);
    expect(app.proposals().candidates[0].modelId).toBe('pop-melody-rnn-v1');
  });

  it('uses the style’s chord model over the phrase’s chords, and a resample of its candidate stays with it', async () => {
    const app = await setup();
    app.actions.setStyle('pop');
    app.actions.setPhraseChords([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'F' },
    ]);
    await app.actions.propose();
    expect(app.model.loads).toEqual(['checkpoints/pop-chord-melody-rnn-v1']);
    expect(app.model.requests[0].chords).toEqual([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'F' },
    ]);
    app.actions.setPhraseChords([]);
    app.actions.setProposalSettings({ mutation: 'resample' });
    await app.actions.mutateCandidate(app.proposals().candidates[0].id);
    expect(app.model.loads.at(-1)).toBe('checkpoints/pop-chord-melody-rnn-v1');
    expect(app.model.requests.at(-1)?.chords).toEqual([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'F' },
    ]);
  });

  it('is an undoable change of the song, and an unknown style is refused with the song unchanged', async () => {
    const app = await setup();
    app.actions.setStyle('pop');
    app.actions.undo();
    expect(app.state().song.style).toBeUndefined();
    const song = app.state().song;
    expect(app.actions.setStyle('jazz')).toEqual({ ok: false, reason: 'No models of the style "jazz" are installed.' });
    expect(app.state().song).toBe(song);
  });

  it('replaces a typed checkpoint URL when chosen again', async () => {
    const app = await setup();
    app.actions.setProposalSettings({ checkpointUrl: 'https://example.org/rnn' });
    await app.actions.propose();
    expect(app.model.loads).toEqual(['https://example.org/rnn']);
    app.actions.setStyle('folk');
    expect(app.proposals().settings.checkpointUrl).toBe('');
    await app.actions.propose();
    expect(app.model.loads.at(-1)).toBe('checkpoints/melody-rnn-v2');
  });

  it('give Suggest chords the style’s harmonizer and melodies over chords its chord model, each style its own', () => {
    const harmonizer = {
      id: 'chord-melody-rnn-v0',
      name: 'Folk melody RNN over chords (Suggest chords)',
      kind: 'chord',
      path: 'checkpoints/chord-melody-rnn-v0',
      style: 'folk',
      harmonizer: true,
    };
    // Listed first (ids sort so), yet Propose and Fill keep the style's other chord model.
    const checkpoints = parseCheckpointIndex({ checkpoints: [harmonizer, ...INDEX.checkpoints] });
    expect(stylePair('folk', checkpoints)).toMatchObject({
      chord: { id: 'chord-melody-rnn-v1' },
      harmonizer: { id: 'chord-melody-rnn-v0' },
    });
    expect(chooseCheckpointUrl({ customUrl: '', style: 'folk', checkpoints, hasChords: true })).toBe(
      'checkpoints/chord-melody-rnn-v1',
    );
    // A style without a harmonizer suggests chords with its chord model; a lone harmonizer does both jobs.
    expect(stylePair('pop', checkpoints).harmonizer?.id).toBe('pop-chord-melody-rnn-v1');
    const alone = checkpoints.filter((c) => c.id !== 'chord-melody-rnn-v1');
    expect(stylePair('folk', alone).chord?.id).toBe('chord-melody-rnn-v0');

    const proposals = {
      settings: { checkpointUrl: '' },
      checkpoints,
      model: { kind: 'ready', info: { kind: 'chord', url: 'checkpoints/pop-chord-melody-rnn-v1' } },
    } as unknown as Parameters<typeof chordModelPath>[0];
    expect(chordModelPath(proposals, { style: 'folk' }, 'harmonize')).toBe('checkpoints/chord-melody-rnn-v0');
    expect(chordModelPath(proposals, { style: 'folk' })).toBe('checkpoints/chord-melody-rnn-v1');
    // The loaded pop chord model does not harmonize a folk song; a pop song gets the pop one.
    expect(chordModelPath(proposals, { style: 'pop' }, 'harmonize')).toBe('checkpoints/pop-chord-melody-rnn-v1');
    // A chord model the musician chose wins.
    const chosen = { ...proposals, settings: { checkpointUrl: 'checkpoints/chord-melody-rnn-v1' } } as typeof proposals;
    expect(chordModelPath(chosen, { style: 'folk' }, 'harmonize')).toBe('checkpoints/chord-melody-rnn-v1');
    // The flag means nothing on a melody model.
    expect(parseCheckpointIndex({ checkpoints: [{ ...INDEX.checkpoints[1], harmonizer: true }] })[0].harmonizer).toBe(
      undefined,
    );
  });
});
