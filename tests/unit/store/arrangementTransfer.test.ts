import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Midi as TonejsMidi } from '@tonejs/midi';
import { serializeProject } from '../../../src/core/projectFile';
import { noteOff, noteOn, smf, tempo, timeSignature } from '../../fixtures/smf/smfBuilder';
import { makeApp } from './fakes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/smf/${name}`, import.meta.url)));

function songWithNotes() {
  const app = makeApp();
  app.actions.toggleNote(60, 0);
  app.actions.toggleNote(64, 4);
  app.actions.setTitle('Little tune');
  return app;
}

describe('project files', () => {
  it('a saved project opens again as a NEW song with the same music', async () => {
    const app = songWithNotes();
    const saved = app.actions.exportProject();
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.filename).toBe('Little-tune.phrasewright.json');
    const originalId = app.state().song.id;
    const result = await app.actions.openProject(new TextDecoder().decode(saved.bytes), 'tune.json');
    expect(result).toEqual({ ok: true });
    const opened = app.state().song;
    expect(opened.id).not.toBe(originalId);
    expect(opened.title).toBe('Little tune');
    expect(opened.phrases[0].notes.map((n) => n.pitch)).toEqual([60, 64]);
    await app.actions.flushSave();
    expect(app.state().library.songs.map((s) => s.id)).toEqual(expect.arrayContaining([originalId, opened.id]));
  });

  it('a bad project file is refused with the reason as an alert and changes nothing', async () => {
    const app = songWithNotes();
    const before = app.state().song;
    const bad = JSON.parse(serializeProject(before));
    bad.song.tempo = 'fast';
    const result = await app.actions.openProject(JSON.stringify(bad), 'broken.json');
    expect(result.ok).toBe(false);
    expect(app.state().song).toBe(before);
    const alert = app.state().notices.find((n) => n.kind === 'error');
    expect(alert?.message).toMatch(/broken\.json.*tempo/i);
    expect((await app.actions.openProject('{ nope', 'x.json')).ok).toBe(false);
    expect(app.state().song).toBe(before);
  });
});

describe('share links', () => {
  it('a share link opened elsewhere adds the same song as a new song and says so', async () => {
    const app = songWithNotes();
    const made = await app.actions.shareLinkPayload();
    if (!made.ok) throw new Error(made.reason);
    const other = makeApp();
    const before = other.state().song.id;
    expect(await other.actions.openShareLink(`#song=${made.payload}`)).toEqual({ ok: true });
    expect(other.state().song.id).not.toBe(before);
    expect(other.state().song.title).toBe('Little tune');
    expect(other.state().song.phrases[0].notes.map((n) => n.pitch)).toEqual([60, 64]);
    expect(other.state().notices.some((n) => n.kind === 'info' && /new song/.test(n.message))).toBe(true);
  });

  it('a broken link is an alert and leaves the open song alone', async () => {
    const app = songWithNotes();
    const before = app.state().song;
    const result = await app.actions.openShareLink('#song=AAAA!!<script>');
    expect(result.ok).toBe(false);
    expect(app.state().song).toBe(before);
    expect(app.state().notices.find((n) => n.kind === 'error')?.message).toMatch(/share link is broken/);
  });
});

describe('MIDI', () => {
  it('exports the arrangement with its notes at the expected ticks and a marker per section', () => {
    const app = songWithNotes();
    const a = app.state().song.phrases[0].id;
    app.actions.addSection(a);
    app.actions.setSectionTranspose(app.state().song.arrangement[1].id, 2);
    const exported = app.actions.exportMidi();
    if (!exported.ok) throw new Error(exported.reason);
    const midi = new TonejsMidi(exported.bytes);
    const melody = midi.tracks.find((t) => t.name === 'Melody')!;
    // Two-bar phrase in 4/4 = 32 steps = 3840 ticks at 480 PPQ.
    expect(melody.notes.map((n) => [n.ticks, n.midi])).toEqual([
      [0, 60],
      [480, 64],
      [3840, 62],
      [4320, 66],
    ]);
    expect(midi.header.meta.filter((m) => m.type === 'marker').map((m) => m.ticks)).toEqual([0, 3840]);
  });

  it('imports a track as a NEW song by default: title, tempo, metre and key from the file; the open song is untouched', async () => {
    const app = songWithNotes();
    const before = app.state().song;
    const read = app.actions.readImportFile(fixture('two-tracks-waltz.mid'), 'waltz.mid');
    if (!read.ok) throw new Error(read.reason);
    const result = await app.actions.importMidiTrack(
      read.preview,
      { trackIndex: 0, splitEveryBars: 2, onePhrase: false, target: 'new-song', adoptSettings: false },
      'waltz.mid',
    );
    if (!result.ok) throw new Error(result.reason);
    const song = app.state().song;
    expect(song.id).not.toBe(before.id);
    expect([song.title, song.tempo, song.timeSignature, song.key]).toEqual([
      'Waltz',
      90,
      { beats: 3, beatUnit: 4 },
      { tonic: 'G', scale: 'major' },
    ]);
    expect(song.phrases.map((p) => p.name)).toEqual(['A', 'B']);
    expect(song.phrases.every((p) => p.origin.kind === 'imported')).toBe(true);
    expect(result.message).toMatch(
      /notes imported into 2 phrases.*opened as a new song, "Waltz", in G major, 3\/4, 90 BPM/,
    );
    await app.actions.flushSave();
    expect(app.state().library.songs.map((s) => s.id)).toEqual(expect.arrayContaining([before.id, song.id]));
  });

  it("adds to this song as one undo step, naming phrases with the next free letters and keeping the song's key, tempo and metre", async () => {
    const app = songWithNotes();
    const before = app.state().song;
    const read = app.actions.readMidi(fixture('two-tracks-waltz.mid'));
    if (!read.ok) throw new Error(read.reason);
    const result = await app.actions.importMidiTrack(
      read.preview,
      { trackIndex: 0, splitEveryBars: 2, onePhrase: false, target: 'this-song', adoptSettings: false },
      'waltz.mid',
    );
    expect(result.ok).toBe(true);
    const song = app.state().song;
    expect(song.id).toBe(before.id);
    expect([song.tempo, song.timeSignature, song.key]).toEqual([before.tempo, before.timeSignature, before.key]);
    expect(song.phrases.map((p) => p.name)).toEqual(['A', 'B', 'C']); // the waltz's 12 beats cut as 4/4 bars, 2 a phrase
    expect(song.arrangement.length).toBeGreaterThan(before.arrangement.length);
    if (result.ok) expect(result.message).toMatch(/keeps its key, tempo and time signature/);
    app.actions.undo();
    expect(app.state().song).toBe(before);
  });

  it("takes the file's tempo, metre and the chosen key into this song only when ticked", async () => {
    const app = songWithNotes();
    const read = app.actions.readMidi(fixture('two-tracks-waltz.mid'));
    if (!read.ok) throw new Error(read.reason);
    await app.actions.importMidiTrack(read.preview, {
      trackIndex: 0,
      splitEveryBars: 4,
      onePhrase: false,
      target: 'this-song',
      adoptSettings: true,
      key: { tonic: 'E', scale: 'minor' },
    });
    const song = app.state().song;
    expect([song.tempo, song.timeSignature, song.key]).toEqual([
      90,
      { beats: 3, beatUnit: 4 },
      { tonic: 'E', scale: 'minor' },
    ]);
  });

  it('imports a track as one phrase when asked, and offers the rest as another song', async () => {
    const app = makeApp();
    const read = app.actions.readMidi(fixture('twelve-bars-markers.mid'));
    if (!read.ok) throw new Error(read.reason);
    const choice = {
      trackIndex: 0,
      splitEveryBars: 4,
      onePhrase: true,
      target: 'new-song',
      adoptSettings: false,
    } as const;
    const result = await app.actions.importMidiTrack(read.preview, choice);
    if (!result.ok) throw new Error(result.reason);
    expect(app.state().song.phrases.map((p) => p.bars)).toEqual([8]);
    expect(result.rest).toEqual({ fromBar: 8 });
    const rest = await app.actions.importMidiTrack(read.preview, { ...choice, onePhrase: false, fromBar: 8 });
    if (!rest.ok) throw new Error(rest.reason);
    expect(rest.rest).toBeNull();
    expect(app.state().song.title).toMatch(/\(from bar 9\)$/);
    expect(app.state().song.phrases.map((p) => p.bars)).toEqual([4]);
  });

  it("keeps swung eighths, when asked, as sixteenths at half the tempo with the song's swing", async () => {
    const app = makeApp();
    // 4/4 at 120 BPM: eighths swung 2:1 (the off-beat on the last third of each beat).
    const pitches = [60, 62, 64, 65, 67, 65, 64, 62, 60, 62, 64, 65, 67, 65, 64, 62];
    const notes: [number, number, number][] = pitches.map((p, i) => [
      p,
      Math.floor(i / 2) * 480 + (i % 2 ? 320 : 0),
      160,
    ]);
    const bytes = smf([
      [
        ...tempo(0, 120),
        ...timeSignature(4, 4),
        ...notes.flatMap(([p, at, len], i) => {
          const previousEnd = i === 0 ? 0 : notes[i - 1][1] + notes[i - 1][2];
          return [...noteOn(at - previousEnd, 0, p), ...noteOff(len, 0, p)];
        }),
      ],
    ]);
    const read = app.actions.readImportFile(bytes, 'swung.mid');
    if (!read.ok) throw new Error(read.reason);
    const result = await app.actions.importMidiTrack(read.preview, {
      trackIndex: 0,
      splitEveryBars: 4,
      onePhrase: false,
      target: 'new-song',
      adoptSettings: false,
      halfTime: true,
    });
    if (!result.ok) throw new Error(result.reason);
    const song = app.state().song;
    expect([song.tempo, song.timeSignature, song.swing]).toEqual([60, { beats: 4, beatUnit: 8 }, 1]);
    expect(song.phrases[0].notes.map((n) => [n.pitch, n.start])).toEqual(pitches.map((p, i) => [p, i]));
    expect(result.message).not.toMatch(/moved onto it|triplets/);
  });

  it('a file that is neither MIDI nor MusicXML is an alert naming the file, and the song is untouched', () => {
    const app = makeApp();
    const before = app.state().song;
    for (const [name, text] of [
      ['tune.mid', 'hello, not a midi file'],
      ['tune.musicxml', 'hello, not xml'],
      ['tune.xml', '<html><body/></html>'],
    ]) {
      const read = app.actions.readImportFile(new TextEncoder().encode(text), name);
      expect(read.ok).toBe(false);
      expect(app.state().notices.find((n) => n.kind === 'error')?.message).toContain(`"${name}"`);
    }
    expect(app.state().song).toBe(before);
  });
});

describe('MusicXML', () => {
  it('exports .musicxml and .mxl named after the song, and reads them back as the same notes', async () => {
    const app = songWithNotes();
    const plain = app.actions.exportMusicXml({ compressed: false, chordsPart: false });
    const zipped = app.actions.exportMusicXml({ compressed: true, chordsPart: true });
    if (!plain.ok || !zipped.ok) throw new Error('export failed');
    expect([plain.filename, zipped.filename]).toEqual(['Little-tune.musicxml', 'Little-tune.mxl']);
    expect(new TextDecoder().decode(plain.bytes)).toMatch(/<score-partwise version="4.0">/);
    for (const file of [plain, zipped]) {
      const read = app.actions.readImportFile(file.bytes, file.filename);
      if (!read.ok) throw new Error(read.reason);
      const result = await app.actions.importMidiTrack(read.preview, {
        trackIndex: 0,
        splitEveryBars: 4,
        onePhrase: false,
        target: 'new-song',
        adoptSettings: false,
      });
      expect(result.ok).toBe(true);
      expect(app.state().song.title).toBe('Little tune');
      expect(app.state().song.phrases[0].notes.map((n) => [n.pitch, n.start])).toEqual([
        [60, 0],
        [64, 4],
      ]);
    }
  });
});

describe('WAV export', () => {
  it('hands the song to the renderer and names the file after the song', async () => {
    const seen: string[] = [];
    const app = makeApp({
      transfer: {
        wav:
          async () =>
          async (song, { onProgress }) => {
            seen.push(song.title);
            onProgress?.(1);
            return new Uint8Array([1, 2, 3]);
          },
      },
    });
    app.actions.setTitle('Hum');
    const progress: number[] = [];
    const result = await app.actions.exportWav({ onProgress: (f) => progress.push(f) });
    expect(result).toMatchObject({ ok: true, filename: 'Hum.wav', mimeType: 'audio/wav' });
    expect(seen).toEqual(['Hum']);
    expect(progress).toEqual([1]);
  });

  it('a cancelled render is reported as cancelled, not as an error', async () => {
    const controller = new AbortController();
    const app = makeApp({
      transfer: {
        wav: async () => async () => {
          controller.abort();
          throw new Error('aborted');
        },
      },
    });
    const result = await app.actions.exportWav({ signal: controller.signal });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(app.state().notices.some((n) => n.kind === 'error')).toBe(false);
  });

  it('an empty arrangement is refused with a reason', async () => {
    const app = makeApp({ transfer: { wav: async () => async () => new Uint8Array() } });
    app.actions.deleteSection(app.state().song.arrangement[0].id);
    const result = await app.actions.exportWav();
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/arrangement is empty/) });
  });
});
