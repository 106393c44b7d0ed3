import { expect, test } from 'vitest';
import { useAppSession } from './browser';

const session = useAppSession();

test('the app opens with a phrase grid and no errors', async () => {
  const { page, errors } = await session.open();
  await expect(page.title()).resolves.toBe('Phrasewright');
  expect(errors).toEqual([]);
});
