import { expect, test } from 'vitest';
import { inject } from 'vitest';

// The production build carries the piano itself: every file the sample map names is served from dist.
test('the built app serves the piano samples from its own origin', async () => {
  const base = inject('baseUrl');
  for (const name of ['A0.mp3', 'Ds4.mp3', 'C8.mp3']) {
    const response = await fetch(new URL(`samples/piano/${name}`, base));
    expect(response.status, name).toBe(200);
    expect(response.headers.get('content-type'), name).toMatch(/audio\/mpeg/);
    expect((await response.arrayBuffer()).byteLength, name).toBeGreaterThan(10_000);
  }
});
