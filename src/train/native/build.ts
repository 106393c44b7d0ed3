/**
 * Builds and loads the native training kernels (trainKernels.cc) for this machine: g++ -O3 -march=native into
 * .train-cache/native/, named by a hash of the source, the flags and the Node version, so an edit or another
 * Node rebuilds it and a machine never runs a build made for another CPU's instruction set (the cache is
 * per clone and never committed). Training only; without g++ or Node's headers training falls back to the
 * tfjs wasm kernels, slower, with the reason logged. PW_NATIVE=0 turns them off (for side-by-side timing).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TrainNativeKernels {
  matmul(
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    batchA: number,
    batchB: number,
    m: number,
    k: number,
    n: number,
    transposeA: boolean,
    transposeB: boolean,
  ): void;
  attentionForward(
    batch: number,
    length: number,
    size: number,
    y2: Float32Array,
    v: Float32Array,
    keys2: Float32Array,
    memory: Float32Array,
    bias: Float32Array | null,
    value: Float32Array,
    w: Float32Array,
  ): void;
  attentionBackward(
    batch: number,
    length: number,
    size: number,
    dValue: Float32Array,
    dWeights: Float32Array | null,
    w: Float32Array,
    y2: Float32Array,
    v: Float32Array,
    keys2: Float32Array,
    memory: Float32Array,
    dy2: Float32Array,
    dv: Float32Array,
    dKeys2: Float32Array,
    dMemory: Float32Array,
  ): void;
  lstmForward(hidden: number, batch: number, z: Float32Array, cPrev: Float32Array, out: Float32Array): void;
  lstmBackward(
    hidden: number,
    batch: number,
    z: Float32Array,
    cPrev: Float32Array,
    out: Float32Array,
    dOut: Float32Array,
    dz: Float32Array,
    dcPrev: Float32Array,
  ): void;
}

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(here, 'trainKernels.cc');
const FLAGS = ['-O3', '-march=native', '-fopenmp-simd', '-std=c++17', '-shared', '-fPIC'];

let loaded: { kernels: TrainNativeKernels | null; problem: string } | undefined;

/** Node's C headers: next to the node binary's prefix (/usr/bin/node -> /usr/include/node). */
function nodeHeaders(): string {
  return resolve(dirname(process.execPath), '..', 'include', 'node');
}

function build(): TrainNativeKernels {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha1')
    .update(source)
    .update(FLAGS.join(' '))
    .update(process.version + process.arch)
    .digest('hex')
    .slice(0, 12);
  const dir = resolve(here, '..', '..', '..', '.train-cache', 'native');
  const file = join(dir, `trainKernels-${hash}.node`);
  if (!existsSync(file)) {
    const headers = nodeHeaders();
    if (!existsSync(join(headers, 'node_api.h'))) throw new Error(`Node's headers are not at ${headers}`);
    mkdirSync(dir, { recursive: true });
    // Built under a temporary name and renamed, so a second process never loads a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    execFileSync('g++', [...FLAGS, `-I${headers}`, SOURCE, '-o', partial], { stdio: 'pipe' });
    renameSync(partial, file);
  }
  return createRequire(import.meta.url)(file) as TrainNativeKernels;
}

/** The kernels, built on first use; null (see nativeKernelsProblem) where they cannot be built or are turned off. */
export function nativeKernels(): TrainNativeKernels | null {
  if (!loaded) {
    if (process.env.PW_NATIVE === '0') loaded = { kernels: null, problem: 'turned off by PW_NATIVE=0' };
    else
      try {
        loaded = { kernels: build(), problem: '' };
      } catch (e) {
        const err = e as Error & { stderr?: Buffer };
        loaded = { kernels: null, problem: (err.stderr?.toString() || err.message).trim().split('\n')[0] };
      }
  }
  return loaded.kernels;
}

/** Why nativeKernels() is null ('' when it is not). */
export function nativeKernelsProblem(): string {
  nativeKernels();
  return loaded!.problem;
}
