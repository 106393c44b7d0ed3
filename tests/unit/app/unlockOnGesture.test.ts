import { expect, test } from 'vitest';
import { unlockOnFirstGesture } from '../../../src/app/unlockOnGesture';

test('audio is unlocked on the first pointer or key press only', () => {
  const page = new EventTarget();
  let unlocks = 0;
  unlockOnFirstGesture(page, () => unlocks++);
  page.dispatchEvent(new Event('keydown'));
  page.dispatchEvent(new Event('pointerdown'));
  expect(unlocks).toBe(1);
});

test('removing it before any gesture means no unlock', () => {
  const page = new EventTarget();
  let unlocks = 0;
  const remove = unlockOnFirstGesture(page, () => unlocks++);
  remove();
  page.dispatchEvent(new Event('pointerdown'));
  expect(unlocks).toBe(0);
});
