import { expect, test } from 'vitest';
import { createUiSignals } from '../../../src/ui/uiSignals';

test('listeners hear a change once, and nothing for a set that changes nothing', () => {
  const ui = createUiSignals();
  let calls = 0;
  const off = ui.subscribe(() => calls++);
  ui.set({ helpOpen: true });
  ui.set({ helpOpen: true });
  expect(ui.get().helpOpen).toBe(true);
  expect(calls).toBe(1);
  off();
  ui.set({ helpOpen: false });
  expect(calls).toBe(1);
});
