import { describe, expect, it } from 'vitest';
import { addIdeas, ideaCount, readIdeaCounts, takenShare } from '../../../src/core/ideas';
import { createSong } from '../../../src/core/song';
import { validateSong } from '../../../src/core/validate';

describe('taken ideas', () => {
  it('counts per kind without touching the counts it was given', () => {
    const start = addIdeas(undefined, 'fill', 'made', 8);
    const next = addIdeas(start, 'fill', 'accepted');
    expect(start).toEqual({ fill: { made: 8, auditioned: 0, accepted: 0 } });
    expect(ideaCount({ ideas: next }, 'fill')).toEqual({ made: 8, auditioned: 0, accepted: 1 });
    expect(ideaCount({ ideas: next }, 'chords')).toEqual({ made: 0, auditioned: 0, accepted: 0 });
    expect(takenShare(ideaCount({ ideas: next }, 'fill'))).toBe(1 / 8);
    expect(takenShare(ideaCount({ ideas: next }, 'mutate'))).toBe(0);
  });

  it('travel with the song through validation, and bad counts are refused with a reason', () => {
    const song = { ...createSong(), ideas: { chords: { made: 3, auditioned: 1, accepted: 1 }, future: { made: 1 } } };
    const checked = validateSong(JSON.parse(JSON.stringify(song)));
    expect(checked.ok && checked.song.ideas).toEqual({ chords: { made: 3, auditioned: 1, accepted: 1 } });
    const bad = validateSong({ ...song, ideas: { fill: { made: -1 } } });
    expect(bad).toEqual({ ok: false, reason: 'the fill made count must be a whole number from 0' });
    expect(readIdeaCounts([])).toBe('the idea counts must be an object');
    const none = validateSong(JSON.parse(JSON.stringify(createSong())));
    expect(none.ok && 'ideas' in none.song).toBe(false);
  });
});
