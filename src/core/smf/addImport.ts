import { markAll } from '../authorship';
import type { Phrase, Section, Song } from '../types';
import { VALIDATION_LIMITS, validateSong } from '../validate';

/**
 * Adding imported phrases and sections to a song: names that clash with the song's phrases get a
 * number, sections go to the end of the arrangement, and the result must still be a valid song.
 */

function unusedName(name: string, used: Set<string>): string {
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, VALIDATION_LIMITS.nameLength - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The song with the imported phrases appended to its library and the sections to its arrangement, or the
 * reason it cannot take them (too many phrases or sections). Leaves `updatedAt` to the caller.
 * @example const added = addImportToSong(song, imported); if (added.ok) setSong(added.song)
 */
export function addImportToSong(
  song: Song,
  imported: { phrases: readonly Phrase[]; sections: readonly Section[] },
): { ok: true; song: Song } | { ok: false; reason: string } {
  if (song.phrases.length + imported.phrases.length > VALIDATION_LIMITS.phrases) {
    return {
      ok: false,
      reason: `a song holds at most ${VALIDATION_LIMITS.phrases} phrases; this import would make ${song.phrases.length + imported.phrases.length}`,
    };
  }
  if (song.arrangement.length + imported.sections.length > VALIDATION_LIMITS.sections) {
    return {
      ok: false,
      reason: `a song holds at most ${VALIDATION_LIMITS.sections} sections; try cutting the import into longer phrases`,
    };
  }
  const used = new Set(song.phrases.map((p) => p.name));
  const phrases = imported.phrases.map((p) => {
    const name = unusedName(p.name, used);
    used.add(name);
    // Imported notes are credited to the file, not to whoever imported it (core/authorship).
    return { ...p, name, notes: markAll(p.notes, 'imported') };
  });
  const checked = validateSong({
    ...song,
    phrases: [...song.phrases, ...phrases],
    arrangement: [...song.arrangement, ...imported.sections],
  });
  return checked.ok
    ? { ok: true, song: checked.song }
    : { ok: false, reason: `the import does not fit this song: ${checked.reason}` };
}
