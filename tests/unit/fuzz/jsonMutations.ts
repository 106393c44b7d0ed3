import { int, pick, type Random } from './fuzzHarness';

/**
 * Structural mutations of JSON data, the ways a hand-edited or hostile project file or link goes wrong:
 * a value of the wrong type, a missing field, a huge array, a deep nest, an odd number, a proto key.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every [parent, key] in the tree, so a mutation can pick any node; earlier huge or deep plants are not entered. */
function slots(root: Json): [Json[] | Record<string, Json>, string | number][] {
  const found: [Json[] | Record<string, Json>, string | number][] = [];
  const visit = (node: Json, depth: number) => {
    if (depth > 12) return;
    if (Array.isArray(node)) {
      if (node.length > 2000) return;
      node.forEach((child, i) => {
        found.push([node, i]);
        visit(child, depth + 1);
      });
    } else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        found.push([node, key]);
        visit(node[key], depth + 1);
      }
    }
  };
  visit(root, 0);
  return found;
}

const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -0,
  0.5,
  2 ** 53 + 1,
  '',
  'x',
  '<script>alert(1)</script>',
  [],
  {},
  [[[]]],
  '9'.repeat(400),
];

function hugeValue(random: Random): Json {
  // 50,000 is past every per-list cap validateSong has (phrases, sections, notes of a phrase, history);
  // items stay small so the text does too.
  const length = pick(random, [300, 5_000, 50_000]);
  const item = pick(random, [0, 60, 'a', null] as Json[]);
  return Array.from({ length }, () => item);
}

function deepValue(random: Random): Json {
  let node: Json = 1;
  for (let depth = int(random, 10, 1000); depth > 0; depth--) node = random() < 0.5 ? [node] : { a: node };
  return node;
}

/** A mutated deep copy of `value`: 1..4 random edits. */
export function mutateJson(value: unknown, random: Random): unknown {
  const root = structuredClone(value) as Json;
  // Slots are listed once; an edit inside a part an earlier edit removed is harmless (and still an edit).
  const all = slots(root);
  for (let n = int(random, 1, 4); n > 0; n--) {
    if (all.length === 0) break;
    const [parent, key] = pick(random, all);
    const kind = int(random, 0, 5);
    const set = (v: Json) => ((parent as Record<string, Json>)[key as string] = v);
    if (kind === 0) set(pick(random, ODD_VALUES));
    else if (kind === 1) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (kind === 2) set(hugeValue(random));
    else if (kind === 3) set(deepValue(random));
    else if (kind === 4) {
      const current = (parent as Record<string, Json>)[key as string];
      set(
        typeof current === 'number'
          ? pick(random, [current + 1, -current, current * 1000, current + 0.5])
          : pick(random, ODD_VALUES),
      );
    } else if (!Array.isArray(parent))
      parent[pick(random, ['__proto__', 'constructor', 'extra', 'toString'])] = pick(random, ODD_VALUES);
  }
  return root;
}

/** Text edits: cut, a flipped character, an inserted brace. */
export function mutateText(text: string, random: Random): string {
  const kind = int(random, 0, 2);
  const at = int(random, 0, Math.max(0, text.length - 1));
  if (kind === 0) return text.slice(0, at);
  if (kind === 1) return text.slice(0, at) + String.fromCharCode(int(random, 0, 0x7f)) + text.slice(at + 1);
  return text.slice(0, at) + pick(random, ['{', '}', '[', ']', '"', ',', '\\', '\u0000']) + text.slice(at);
}
