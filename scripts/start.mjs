// `npm start`: install when needed, build the production bundle, and serve it on localhost.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync('node_modules/.package-lock.json')) run('npm', ['ci']);
run('npx', ['vite', 'build']);
console.log('\nPhrasewright is at http://localhost:4173 (Ctrl+C to stop)\n');
run('npx', ['vite', 'preview', '--port', '4173', '--strictPort']);
