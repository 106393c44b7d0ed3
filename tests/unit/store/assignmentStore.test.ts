import { describe, expect, it } from 'vitest';
import { encodeAssignmentLink, openTemplate } from '../../../src/core/assignment';
import { createSong } from '../../../src/core/song';
import { createAssignmentStore } from '../../../src/store/assignmentStore';
import { makeApp } from './fakes';

const template = {
  ...openTemplate({ tonic: 'D', scale: 'dorian' as const }),
  lockKey: true,
  lockScale: true,
  bars: 4,
  temperature: { min: 0.5, max: 0.9 },
};

describe('assignments in the store', () => {
  it('an opened assignment holds its locks against later changes', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app);
    const fragment = await encodeAssignmentLink(createSong({ title: 'Homework' }), template, 'assignment');
    expect(await assignments.actions.openLink(`#${fragment}`)).toBe(true);
    expect(app.state().song.title).toBe('Homework');
    expect(assignments.actions.active()).toEqual(template);
    expect(app.state().song.key).toEqual({ tonic: 'D', scale: 'dorian' });
    expect(app.phrase().bars).toBe(4);
    expect(app.state().proposals.settings.temperature).toBe(0.9);

    app.actions.setKey('E');
    app.actions.setBars(2);
    app.actions.setProposalSettings({ temperature: 0.1 });
    expect(app.state().song.key.tonic).toBe('D');
    expect(app.phrase().bars).toBe(4);
    expect(app.state().proposals.settings.temperature).toBe(0.5);
    assignments.actions.dispose();
  });

  it('a hand-back opens the report and locks nothing; a plain share link is left to the share-link code', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app);
    const fragment = await encodeAssignmentLink(createSong({ title: 'Done' }), template, 'handback');
    expect(await assignments.actions.openLink(`#${fragment}`)).toBe(true);
    expect(assignments.getState().reportOpen).toBe(true);
    expect(assignments.actions.active()).toBeNull();
    app.actions.setKey('E');
    expect(app.state().song.key.tonic).toBe('E');
    expect(await assignments.actions.openLink('#song=abc')).toBe(false);
  });
});
