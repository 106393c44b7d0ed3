import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { createMemorySongRepository } from '../../../src/store/persistence/memorySongRepository';
import { fakeLifecycle, makeApp } from './fakes';

describe('transport', () => {
  it('play unlocks audio, then loops the current phrase by default', async () => {
    const app = makeApp();
    await app.actions.play();
    expect(app.engine.calls).toEqual(['unlock', 'play']);
    const target = { kind: 'phrase', phraseId: app.state().editor.currentPhraseId };
    expect(app.engine.played).toEqual([target]);
    expect(app.state().transport).toMatchObject({ playing: true, target, audio: { kind: 'ready' } });
  });

  it('play passes an explicit target through', async () => {
    const app = makeApp();
    await app.actions.play({ kind: 'song' });
    expect(app.engine.played).toEqual([{ kind: 'song' }]);
    expect(app.state().transport.target).toEqual({ kind: 'song' });
  });

  it('stop stops the engine and the transport', async () => {
    const app = makeApp();
    await app.actions.play();
    app.actions.stop();
    expect(app.engine.calls.at(-1)).toBe('stop');
    expect(app.state().transport.playing).toBe(false);
  });

  it('togglePlay alternates play and stop', async () => {
    const app = makeApp();
    await app.actions.togglePlay();
    expect(app.state().transport.playing).toBe(true);
    await app.actions.togglePlay();
    expect(app.state().transport.playing).toBe(false);
    expect(app.engine.calls).toEqual(['unlock', 'play', 'stop']);
  });

  it('a blocked audio context is shown as an error and nothing plays', async () => {
    const app = makeApp();
    app.engine.unlockResult = { kind: 'blocked', message: 'autoplay policy' };
    await app.actions.play();
    expect(app.engine.calls).toEqual(['unlock']);
    expect(app.state().transport.playing).toBe(false);
    expect(app.state().transport.audio).toEqual({ kind: 'blocked', message: 'autoplay policy' });
    expect(app.state().notices).toEqual([
      expect.objectContaining({ kind: 'error', message: expect.stringMatching(/autoplay policy/) }),
    ]);
  });

  it('Stop pressed while audio is still unlocking wins: nothing starts', async () => {
    const app = makeApp();
    let open!: () => void;
    app.engine.unlockGate = new Promise((resolve) => (open = resolve));
    const playing = app.actions.play();
    app.actions.stop();
    open();
    await playing;
    expect(app.engine.calls).not.toContain('play');
    expect(app.state().transport.playing).toBe(false);
  });

  it('a failing engine play becomes an error notice', async () => {
    const app = makeApp();
    app.engine.play = async () => {
      throw new Error('no output device');
    };
    await app.actions.play();
    expect(app.state().transport.playing).toBe(false);
    expect(app.state().notices[0]).toMatchObject({ kind: 'error', message: expect.stringMatching(/no output device/) });
  });

  it('a looping phrase follows the phrase selected in the grid', async () => {
    const app = makeApp();
    const song = app.state().song;
    app.store.setState({ song: { ...song, phrases: [...song.phrases, { ...song.phrases[0], id: 'b', name: 'B' }] } });
    await app.actions.play();
    app.actions.selectPhrase('b');
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the restarted play finish
    expect(app.engine.played.at(-1)).toEqual({ kind: 'phrase', phraseId: 'b' });
    expect(app.state().transport.target).toEqual({ kind: 'phrase', phraseId: 'b' });
  });

  it('toggleMetronome flips the metronome in state and engine', () => {
    const app = makeApp();
    app.actions.toggleMetronome();
    expect(app.state().transport.metronome).toBe(true);
    expect(app.engine.metronome).toBe(true);
    app.actions.toggleMetronome();
    expect(app.state().transport.metronome).toBe(false);
    expect(app.engine.calls).toEqual(['metronome on', 'metronome off']);
  });

  it('mirrors the engine status listeners into transport, and warns when the piano fails', () => {
    const app = makeApp();
    app.engine.emitAudio({ kind: 'ready' });
    app.engine.emitInstrument({ kind: 'loading', instrument: 'piano', message: 'Loading piano' });
    expect(app.state().transport.audio).toEqual({ kind: 'ready' });
    expect(app.state().transport.instrument).toMatchObject({ kind: 'loading' });
    app.engine.emitInstrument({
      kind: 'failed',
      instrument: 'piano',
      fallback: 'triangle-synth',
      message: 'Piano samples failed; using a synth.',
    });
    expect(app.state().notices).toEqual([
      expect.objectContaining({ kind: 'warning', message: 'Piano samples failed; using a synth.' }),
    ]);
  });

  it('without an engine, play says sound is unavailable instead of pretending', async () => {
    const app = createAppStore({ repository: createMemorySongRepository(), lifecycle: fakeLifecycle() });
    await app.actions.play();
    expect(app.store.getState().transport.playing).toBe(false);
    expect(app.store.getState().notices[0].kind).toBe('warning');
  });

  it('dispose stops mirroring engine status', () => {
    const app = makeApp();
    app.actions.dispose();
    app.engine.emitAudio({ kind: 'blocked', message: 'x' });
    expect(app.state().transport.audio).toEqual({ kind: 'idle' });
  });
});

describe('notices', () => {
  it('notify adds a notice and dismissNotice removes it', () => {
    const app = makeApp();
    const id = app.actions.notify({ kind: 'info', message: 'Saved a copy' });
    expect(app.state().notices).toEqual([{ id, kind: 'info', message: 'Saved a copy' }]);
    app.actions.dismissNotice(id);
    expect(app.state().notices).toEqual([]);
  });

  it('a notice with a known id replaces the old one instead of piling up', () => {
    const app = makeApp();
    app.actions.notify({ id: 'save', kind: 'error', message: 'first' });
    app.actions.notify({ id: 'save', kind: 'error', message: 'second' });
    expect(app.state().notices.map((n) => n.message)).toEqual(['second']);
  });
});
