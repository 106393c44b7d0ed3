import type { Args } from '../cli/args';
export async function runEndingsTask(_args: Args): Promise<void> {
  throw new Error('not yet');
}
