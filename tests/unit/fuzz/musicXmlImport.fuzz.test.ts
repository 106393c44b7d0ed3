import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { songToMusicXml } from '../../../src/core/musicxml/exportMusicXml';
import { packMxl } from '../../../src/core/musicxml/mxl';
import { addImportToSong } from '../../../src/core/smf/addImport';
import { importMidi } from '../../../src/core/smf/importMidi';
import { chooseImportKey } from '../../../src/core/smf/importKey';
import { createSong } from '../../../src/core/song';
import { validateSong } from '../../../src/core/validate';
import { counterIds, typicalSong } from '../../fixtures/songFixtures';
import { makeApp } from '../store/fakes';
import { fuzz, int, pick, type Random } from './fuzzHarness';

/** Seeds that once failed; they run before the generated ones. */
const REGRESSION_SEEDS: number[] = [];
const COUNT = 1200;

const waltz = typicalSong(2, { beats: 3, beatUnit: 4 });
waltz.key = { tonic: 'Eb', scale: 'minor' };
const texts = [
  readFileSync(new URL('../../fixtures/musicxml/lead-sheet.musicxml', import.meta.url), 'utf8'),
  songToMusicXml(typicalSong(1)),
  songToMusicXml(waltz, { chordsPart: true }),
];

type TextMutation = (text: string, random: Random) => string;

const NUMBER_ELEMENTS = [
  'duration',
  'divisions',
  'octave',
  'alter',
  'fifths',
  'beats',
  'beat-type',
  'per-minute',
  'offset',
  'root-alter',
];
const WILD_NUMBERS = ['0', '-1', '-99999', '99999999', '1e308', 'NaN', '', '2.5', 'x', '0.0001'];

const TEXT_MUTATIONS: Record<string, TextMutation> = {
  truncate: (t, r) => t.slice(0, int(r, 0, t.length - 1)),
  cutARange: (t, r) => {
    const from = int(r, 0, t.length - 1);
    return t.slice(0, from) + t.slice(from + int(r, 1, 400));
  },
  repeatARange: (t, r) => {
    const from = int(r, 0, t.length - 1);
    const piece = t.slice(from, from + int(r, 1, 2000));
    return t.slice(0, from) + piece.repeat(int(r, 2, 20)) + t.slice(from);
  },
  wildNumber: (t, r) => {
    const name = pick(r, NUMBER_ELEMENTS);
    let n = 0;
    const which = int(r, 0, 30);
    return t.replace(new RegExp(`<${name}>[^<]*</${name}>`, 'g'), (m) =>
      n++ === which || r() < 0.1 ? `<${name}>${pick(r, WILD_NUMBERS)}</${name}>` : m,
    );
  },
  renameTags: (t, r) => {
    const names = [
      'note',
      'measure',
      'pitch',
      'harmony',
      'part',
      'attributes',
      'chord',
      'tie',
      'backup',
      'forward',
      'rest',
      'voice',
    ];
    const from = pick(r, names);
    const to = pick(r, [...names, 'grace', 'cue', 'x']);
    return t.split(`<${from}`).join(`<${to}`);
  },
  entities: (t, r) => {
    const doctype = pick(r, [
      '<!DOCTYPE score-partwise [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
      '<!DOCTYPE score-partwise [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE score-partwise SYSTEM "http://127.0.0.1:9/partwise.dtd">',
    ]);
    const body = t.replace(/<!DOCTYPE[^>]*>/, '');
    const at = body.indexOf('<score-partwise');
    const withDoctype = body.slice(0, at) + doctype + body.slice(at);
    return r() < 0.7
      ? withDoctype.replace('<work-title>', `<work-title>${pick(r, ['&c;', '&x;', '&nope;', '&#0;', '&#xD800;'])}`)
      : withDoctype;
  },
  flipCharacters: (t, r) => {
    const chars = t.split('');
    for (let n = int(r, 1, 12); n > 0; n--) chars[int(r, 0, chars.length - 1)] = String.fromCharCode(int(r, 0, 0x2ff));
    return chars.join('');
  },
  chordsEverywhere: (t) => t.replace(/<note( [^>]*)?>/g, (_m, attrs = '') => `<note${attrs}><chord/>`),
};

type ByteMutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  truncate: (b, r) => b.slice(0, int(r, 0, b.length - 1)),
  flipBytes: (b, r) => {
    const out = b.slice();
    for (let n = int(r, 1, 8); n > 0; n--) out[int(r, 0, out.length - 1)] = int(r, 0, 255);
    return out;
  },
  lieAboutSizes: (b, r) => {
    const out = b.slice();
    const view = new DataView(out.buffer);
    for (let at = 0; at + 46 < out.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && r() < 0.5)
        view.setUint32(at + pick(r, [20, 24]), pick(r, [0, 1, 0xffffffff, int(r, 0, 1 << 26)]), true);
    }
    return out;
  },
};

describe('fuzzing the MusicXML importer', () => {
  it(`refuses or imports ${COUNT} damaged scores (.musicxml and .mxl): never throws, the open song unchanged, only valid songs come out`, async () => {
    const outcomes = { refused: 0, imported: 0 };
    const textNames = Object.keys(TEXT_MUTATIONS);
    const byteNames = Object.keys(BYTE_MUTATIONS);
    const app = makeApp();
    const failures = await fuzz(
      { name: 'MusicXML import', base: 90_000, count: COUNT, regressionSeeds: REGRESSION_SEEDS },
      (random) => {
        let text = pick(random, texts);
        for (let n = int(random, 1, 3); n > 0; n--) text = TEXT_MUTATIONS[pick(random, textNames)](text, random);
        let bytes: Uint8Array = new TextEncoder().encode(text);
        const zipped = random() < 0.3;
        if (zipped) {
          bytes = packMxl(text);
          if (random() < 0.7) bytes = BYTE_MUTATIONS[pick(random, byteNames)](bytes, random);
        }
        const open = app.state().song;
        const viaStore = app.actions.readImportFile(bytes, zipped ? 'fuzz.mxl' : 'fuzz.musicxml');
        if (app.state().song !== open) return 'reading a file changed the open song';
        const read = viaStore;
        if (!read.ok) {
          outcomes.refused++;
          return typeof read.reason === 'string' && read.reason.length > 0 ? null : 'refused without a reason';
        }
        if (/&c;|&x;/.test(read.preview.name)) return 'an entity came through';
        const trackIndex = int(random, 0, read.preview.tracks.length - 1);
        chooseImportKey(read.preview, trackIndex);
        const result = importMidi(
          read.preview,
          { trackIndex, splitEveryBars: int(random, 0, 9) },
          { now: 1, newId: counterIds() },
        );
        if (!result.ok) return null;
        outcomes.imported++;
        const song = createSong({}, { now: 1, newId: counterIds('song') });
        const snapshot = JSON.stringify(song);
        const added = addImportToSong(song, result);
        if (JSON.stringify(song) !== snapshot) return 'adding the import changed the song it was given';
        if (added.ok && !validateSong(added.song).ok) return 'the imported song is not valid';
        const fresh = createSong(
          { phrases: result.phrases, arrangement: result.sections },
          { now: 1, newId: counterIds('new') },
        );
        const checked = validateSong(fresh);
        return checked.ok ? null : `a new song of the import is not valid: ${checked.reason}`;
      },
    );
    expect(failures).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(COUNT / 10);
    expect(outcomes.imported).toBeGreaterThan(COUNT / 10);
  }, 180_000); // 1,200 scores of 25-100 KB, generous for a loaded machine; the per-case speed is a bench target (npm run bench -- inputs)
});
