// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The house rules, checked by `npm run lint` (part of `npm test`, no warnings allowed):
 * - typescript-eslint's type-aware rules: no floating or misused promises, no unsafe `any`.
 * - the React hooks rules.
 * - the rooms of DESIGN.md as import boundaries (eslint-plugin-boundaries), and which room may use which library.
 * Formatting is Prettier's (`npm run format:check`), so no stylistic rules here.
 */

/**
 * The rooms. Each file belongs to the room whose folder holds it; `tests` and `build` may import anything,
 * and no room imports them (vite.config.ts, outside every room, wires the build plugins).
 */
const ROOMS = [
  { type: 'core', pattern: 'src/core' }, // pure domain: notes, phrases, songs, time math, file formats
  { type: 'audio', pattern: 'src/audio' }, // the only owner of Tone
  { type: 'model', pattern: 'src/model' }, // the only owner of Magenta/tfjs at run time (a Web Worker)
  { type: 'midi', pattern: 'src/midi' }, // Web MIDI devices
  { type: 'store', pattern: 'src/store' }, // Zustand store and actions
  { type: 'ui', pattern: 'src/ui' }, // React components
  { type: 'app', pattern: 'src/app' }, // the composition root
  { type: 'train', pattern: 'src/train' }, // the Node training pipeline
  { type: 'build', pattern: 'src/build' }, // Vite plugins, service-worker generator, CSP: build time only
  { type: 'samples', pattern: 'samples' }, // sample-set data and its schema
  { type: 'tests', pattern: 'tests' },
];

/** Who may import whom; anything not listed is refused. Imports inside one room are always allowed. */
const ROOM_POLICIES = [
  { from: { element: { type: 'core' } }, allow: [] },
  { from: { element: { type: 'audio' } }, allow: { to: { element: { types: ['core', 'samples'] } } } },
  { from: { element: { type: 'model' } }, allow: { to: { element: { type: 'core' } } } },
  { from: { element: { type: 'midi' } }, allow: { to: { element: { type: 'core' } } } },
  // The store reads the other rooms only through their contracts (types); the app hands it the real thing.
  {
    from: { element: { type: 'store' } },
    allow: [
      { to: { element: { type: 'core' } } },
      { to: { element: { types: ['audio', 'model', 'midi'] } }, dependency: { kind: 'type' } },
    ],
  },
  { from: { element: { type: 'ui' } }, allow: { to: { element: { types: ['store', 'core'] } } } },
  {
    from: { element: { type: 'app' } },
    allow: { to: { element: { types: ['core', 'audio', 'model', 'midi', 'store', 'ui'] } } },
  },
  { from: { element: { type: 'train' } }, allow: { to: { element: { types: ['core', 'model'] } } } },
  { from: { element: { type: 'samples' } }, allow: [] },
  { from: { element: { types: ['build', 'tests'] } }, allow: { to: { element: { type: '*' } } } },
];

/** Libraries with one owning room: `restricted` lists what a room may not import. */
const TONE = { group: ['tone', 'tone/*'], message: 'Tone.js belongs to src/audio only.' };
const MAGENTA = {
  group: ['@magenta/*', '@tensorflow/*'],
  message: 'Magenta and tfjs belong to src/model (at run time) and src/train only.',
};
const REACT = {
  group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
  message: 'React belongs to src/ui (and main.tsx).',
};
const ZUSTAND = {
  group: ['zustand', 'zustand/*', 'zundo'],
  message: 'Zustand belongs to src/store (and the MIDI controller).',
};
const NODE = { group: ['node:*'], message: 'Node built-ins only in src/train, src/build and tests.' };
const restricted = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * The rooms' rules as flat-config objects: no type information needed, so the test of the rule set
 * (tests/unit/lint/rooms.test.ts) lints snippets with exactly these.
 */
export const roomRules = [
  {
    files: ['src/**/*.{ts,tsx}', 'samples/**/*.ts', 'tests/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ROOMS,
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: ROOM_POLICIES }],
    },
  },
  // The only owners of each library.
  { files: ['src/core/**'], rules: restricted(TONE, MAGENTA, REACT, ZUSTAND, NODE) },
  { files: ['src/audio/**'], rules: restricted(MAGENTA, REACT, ZUSTAND, NODE) },
  // The MIDI controller keeps its small panel state in a Zustand vanilla store, as the side stores do.
  { files: ['src/midi/**'], rules: restricted(TONE, MAGENTA, REACT, NODE) },
  { files: ['src/model/**'], rules: restricted(TONE, REACT, ZUSTAND, NODE) },
  { files: ['src/store/**'], rules: restricted(TONE, MAGENTA, REACT, NODE) },
  { files: ['src/ui/**'], rules: restricted(TONE, MAGENTA, NODE) },
  { files: ['src/app/**'], rules: restricted(TONE, MAGENTA, NODE) },
  { files: ['src/train/**'], rules: restricted(TONE, REACT, ZUSTAND) },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'public/**', 'tests/bench/results/**', 'tests/fixtures/smf/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Actions and services are closures declared with method syntax in their interfaces (DESIGN.md: actions
      // are plain functions), so passing `actions.play` around is safe; this rule would flag every such use.
      '@typescript-eslint/unbound-method': 'off',
      // An `async` function that implements a Promise-returning interface without awaiting (the in-memory
      // repository, fakes) is fine; the floating/misused-promise rules catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      // Its autofix removed casts that were needed (MIDIOutput.clear, worker ports, tfjs seams); a redundant cast
      // is harmless, a wrong fix is not.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  {
    // Tests read parsed JSON and page handles loosely, and build deliberately malformed input.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...roomRules,
);
