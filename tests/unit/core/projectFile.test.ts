import { describe, expect, it } from 'vitest';
import { parseProject, PROJECT_MAX_CHARS, serializeProject } from '../../../src/core/projectFile';
import { validateSong } from '../../../src/core/validate';
import { typicalSong } from '../../fixtures/songFixtures';

describe('project files', () => {
  it('round-trips a song with history, chords and arrangement exactly', () => {
    const song = typicalSong(7);
    const parsed = parseProject(serializeProject(song));
    expect(parsed).toEqual({ ok: true, song });
  });

  it('keeps the song’s style', () => {
    const song = { ...typicalSong(7), style: 'pop' };
    expect(parseProject(serializeProject(song))).toEqual({ ok: true, song });
  });

  it('names its format and version in the envelope', () => {
    const file = JSON.parse(serializeProject(typicalSong()));
    expect(file.format).toBe('phrasewright-project');
    expect(file.schemaVersion).toBe(1);
    expect(validateSong(file.song).ok).toBe(true);
  });

  const refusals: [string, string, RegExp][] = [
    ['empty text', '', /empty/],
    ['not JSON', '{"format": "phrasewright-project", ', /not valid JSON/],
    ['another JSON document', '{"name": "package", "version": "1.0.0"}', /not a Phrasewright project file/],
    ['a JSON array', '[1, 2, 3]', /not a Phrasewright project file/],
    ['no version', '{"format": "phrasewright-project", "song": {}}', /no valid format version/],
    [
      'a newer version',
      '{"format": "phrasewright-project", "schemaVersion": 9, "song": {}}',
      /newer Phrasewright \(project format 9\)/,
    ],
    [
      'a broken song',
      '{"format": "phrasewright-project", "schemaVersion": 1, "song": {"schemaVersion": 1}}',
      /damaged: /,
    ],
  ];
  it.each(refusals)('refuses %s with a reason', (_what, text, reason) => {
    const parsed = parseProject(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('refuses a song that breaks the rules of songs, naming the rule', () => {
    const song = typicalSong();
    const text = serializeProject({ ...song, tempo: 999 });
    expect(parseProject(text)).toEqual({
      ok: false,
      reason: 'the project file is damaged: tempo must be between 40 and 240 BPM',
    });
  });

  // How fast: `npm run bench -- inputs`.
  it('refuses a file over the size cap before parsing it', () => {
    const parsed = parseProject(' '.repeat(PROJECT_MAX_CHARS + 1));
    expect(parsed).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than 32 MB/) });
  });

  it('refuses JSON nested far deeper than any song, without overflowing the stack', () => {
    const deep = `{"format":"phrasewright-project","schemaVersion":1,"song":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parseProject(deep)).toMatchObject({ ok: false });
    const deepOrigin = JSON.parse(serializeProject(typicalSong()));
    let nest: unknown = 1;
    for (let i = 0; i < 500; i++) nest = { a: nest };
    deepOrigin.song.phrases[0].origin.constraints = nest;
    expect(parseProject(JSON.stringify(deepOrigin))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/constraints are too large/),
    });
  });

  it('keeps markup in names as plain text and drops unknown fields', () => {
    const song = typicalSong();
    song.title = '<img src=x onerror=alert(1)>';
    const file = JSON.parse(serializeProject(song));
    file.song.phrases[0].evil = '<script>alert(1)</script>';
    const parsed = parseProject(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.song.title).toBe('<img src=x onerror=alert(1)>');
    expect('evil' in parsed.song.phrases[0]).toBe(false);
  });
});
