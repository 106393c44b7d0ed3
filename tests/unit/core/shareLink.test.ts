import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, SHARE_LINK_LIMITS } from '../../../src/core/shareLink';
import { PACKED_VERSION } from '../../../src/core/shareLinkPacking';
import type { NoteAuthor } from '../../../src/core/types';
import {
  base64url,
  BROKEN_FRAGMENTS,
  deflateRaw as deflate,
  overlongPayload,
  zipBombPayload,
} from '../../fixtures/shareLinks';
import { counterIds, typicalSong, withoutIds } from '../../fixtures/songFixtures';

async function inflate(payload: string): Promise<Uint8Array> {
  const stream = new Blob([Buffer.from(payload, 'base64url')])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const json = async (value: unknown) => base64url(await deflate(new TextEncoder().encode(JSON.stringify(value))));

describe('share links', () => {
  it('carry the whole song, history and chords included, as a new song with fresh ids', async () => {
    const song = typicalSong(11);
    const opened = await decodeShareLink(`#song=${await encodeShareLink(song)}`, { newId: counterIds('new') });
    if (!opened.ok) throw new Error(opened.reason);
    expect(withoutIds(opened.song)).toEqual(withoutIds(song));
    expect(opened.song.id).not.toBe(song.id);
    expect(opened.song.phrases[0].history).toHaveLength(4);
  });

  it('carry the song’s style, and open a link without one in the default style', async () => {
    const pop = await decodeShareLink(await encodeShareLink({ ...typicalSong(3), style: 'pop' }));
    expect(pop.ok && pop.song.style).toBe('pop');
    const plain = await decodeShareLink(await encodeShareLink(typicalSong(3)));
    expect(plain.ok && 'style' in plain.song).toBe(false);
  });

  it('keep a typical 16-bar song under 2,000 characters', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const payload = await encodeShareLink(typicalSong(seed));
      expect(payload.length).toBeLessThan(2000);
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('open from "#song=…", "song=…" or the bare payload', async () => {
    const payload = await encodeShareLink(typicalSong());
    for (const fragment of [`#song=${payload}`, `song=${payload}`, payload, `#x=1&song=${payload}`]) {
      expect((await decodeShareLink(fragment)).ok).toBe(true);
    }
  });

  it('keep markup in titles as text', async () => {
    const song = { ...typicalSong(), title: '"><script>alert(1)</script>' };
    const opened = await decodeShareLink(await encodeShareLink(song));
    expect(opened.ok && opened.song.title).toBe('"><script>alert(1)</script>');
  });

  it.each(BROKEN_FRAGMENTS)('refuse %s with a reason', async (_what, fragment, reason) => {
    const opened = await decodeShareLink(fragment);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.reason).toMatch(reason);
  });

  it('refuse compressed JSON that is not a song, and a song that breaks the rules', async () => {
    const json = async (value: unknown) => base64url(await deflate(new TextEncoder().encode(JSON.stringify(value))));
    expect(await decodeShareLink(await json({ hello: 'world' }))).toEqual({
      ok: false,
      reason: 'the share link is broken: it does not hold a song',
    });
    expect(await decodeShareLink(await json({ v: 99 }))).toEqual({
      ok: false,
      reason: 'the share link is broken: it was made by a newer Phrasewright',
    });
    const payload = await encodeShareLink({ ...typicalSong(), swing: 0 });
    const packed = JSON.parse(
      new TextDecoder().decode(
        await new Response(
          new Blob([Buffer.from(payload, 'base64url')]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
        ).arrayBuffer(),
      ),
    );
    expect(packed.v).toBe(PACKED_VERSION);
    packed.bpm = 0;
    expect(await decodeShareLink(await json(packed))).toEqual({
      ok: false,
      reason: 'the share link is broken: tempo must be between 40 and 240 BPM',
    });
  });

  // How fast: `npm run bench -- inputs`. A runaway inflate is caught by the test timeout.
  it('stop inflating a zip bomb at the cap', async () => {
    const payload = await zipBombPayload();
    expect(payload.length).toBeLessThan(SHARE_LINK_LIMITS.payloadChars);
    const opened = await decodeShareLink(payload);
    expect(opened).toEqual({
      ok: false,
      reason: 'the share link is broken: it unpacks to more data than any song holds',
    });
  }, 20_000);

  it('refuse a payload longer than any link can be without decoding it', async () => {
    const opened = await decodeShareLink(overlongPayload());
    expect(opened).toEqual({ ok: false, reason: 'the share link is broken: it is longer than any song link can be' });
  });
});

describe('share links and authors', () => {
  it('carry the song’s taken-ideas counts (a hand-back link brings them to the class view), and refuse broken ones', async () => {
    const song = {
      ...typicalSong(2),
      ideas: { continue: { made: 8, auditioned: 3, accepted: 1 }, fill: { made: 4, auditioned: 0, accepted: 0 } },
    };
    const opened = await decodeShareLink(await encodeShareLink(song), { newId: counterIds('new') });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.song.ideas).toEqual(song.ideas);
    const plain = await decodeShareLink(await encodeShareLink(typicalSong(2)), { newId: counterIds('new') });
    expect(plain.ok && plain.song.ideas).toBeUndefined();
    const packed = JSON.parse(new TextDecoder().decode(await inflate(await encodeShareLink(song))));
    packed.i = { continue: { made: -1 } };
    const broken = await decodeShareLink(await json(packed));
    expect(broken.ok).toBe(false);
  });

  it('carry who wrote each note, in the phrase and in its history', async () => {
    const song = typicalSong(3);
    const authors: NoteAuthor[] = [
      'given',
      'student',
      'model',
      'student-changed-model',
      'student-changed-given',
      'imported',
    ];
    const phrases = song.phrases.map((p, i) => ({
      ...p,
      notes: p.notes.map((n, j) => (j === 0 && i === 0 ? n : { ...n, by: authors[(i + j) % authors.length] })),
      history: p.history.map((v) => ({ ...v, notes: v.notes.map((n) => ({ ...n, by: 'model' as const })) })),
    }));
    const authored = { ...song, phrases };
    const opened = await decodeShareLink(await encodeShareLink(authored), { newId: counterIds('new') });
    if (!opened.ok) throw new Error(opened.reason);
    expect(withoutIds(opened.song)).toEqual(withoutIds(authored));
    expect(opened.song.phrases[0].notes[0].by).toBeUndefined();
  });

  it('open a version 1 link (made before authors were kept) with every author unknown', async () => {
    const song = typicalSong(4);
    const packed = JSON.parse(new TextDecoder().decode(await inflate(await encodeShareLink(song))));
    packed.v = 1;
    for (const p of packed.p) {
      p.pop(); // the authors of the phrase
      for (const v of p[6]) v.pop(); // and of each version
    }
    const opened = await decodeShareLink(await json(packed));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.song.phrases.flatMap((p) => p.notes).every((n) => n.by === undefined)).toBe(true);
    expect(opened.song.phrases[0].notes.length).toBe(song.phrases[0].notes.length);
  });

  it('refuse a link from a newer version by saying so', async () => {
    const packed = JSON.parse(new TextDecoder().decode(await inflate(await encodeShareLink(typicalSong(2)))));
    packed.v = PACKED_VERSION + 1;
    expect(await decodeShareLink(await json(packed))).toEqual({
      ok: false,
      reason: 'the share link is broken: it was made by a newer Phrasewright',
    });
  });
});
