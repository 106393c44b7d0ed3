import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../src/train/data/modelSpec';
import {
  attentionKernelName,
  biasName,
  FC_BIASES,
  FC_WEIGHTS,
  kernelName,
  ATT_INPUT_KERNEL,
} from '../../../src/train/model/checkpointNames';
import { createModelVariables } from '../../../src/train/model/modelGraph';
import { warmStart } from '../../../src/train/model/warmStart';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 3 } as const;
const same = (a: tf.Tensor, b: tf.Tensor) => Array.from(a.dataSync()).every((x, i) => x === b.dataSync()[i]);

describe('starting a model from a trained one', () => {
  it("puts a plain model's two layers and output biases into an attention model's stack, and nothing else", () => {
    const plain = createModelVariables({ ...base, hidden: [8, 8] } as ModelSpec, 1);
    const attention = createModelVariables({ ...base, hidden: [8, 8, 8], attentionLength: 4 } as ModelSpec, 2);
    const fresh = Object.fromEntries(Object.entries(attention).map(([n, v]) => [n, v.clone()]));

    const copied = warmStart(attention, plain);

    expect(copied.sort()).toEqual(
      [
        attentionKernelName(0),
        attentionKernelName(1),
        attentionKernelName(0).replace('kernel', 'bias'),
        attentionKernelName(1).replace('kernel', 'bias'),
        FC_BIASES,
      ].sort(),
    );
    expect(same(attention[attentionKernelName(0)], plain[kernelName(0)])).toBe(true);
    expect(same(attention[attentionKernelName(1).replace('kernel', 'bias')], plain[biasName(1)])).toBe(true);
    // The new top layer, the wrapper's projections and the output weights keep their fresh values.
    for (const name of [attentionKernelName(2), ATT_INPUT_KERNEL, FC_WEIGHTS])
      expect(same(attention[name], fresh[name])).toBe(true);
  });

  it('continues a model of the same shape from every trained variable, output weights and attention included', () => {
    const spec = { ...base, hidden: [8, 8, 8], attentionLength: 4 } as ModelSpec;
    const trained = createModelVariables(spec, 1);
    const next = createModelVariables(spec, 2);
    const copied = warmStart(next, trained);
    expect(copied.sort()).toEqual(Object.keys(trained).sort());
    for (const name of Object.keys(trained)) expect(same(next[name], trained[name])).toBe(true);
  });

  it('skips layers whose shapes differ', () => {
    const plain = createModelVariables({ ...base, hidden: [6, 6] } as ModelSpec, 1);
    const other = createModelVariables({ ...base, hidden: [8, 8] } as ModelSpec, 2);
    // The output weights read 6 units there and 8 here: only the biases fit.
    expect(warmStart(other, plain)).toEqual([FC_BIASES]);
  });
});

describe('starting a model with more counter bits than the trained one', () => {
  it('widens the first layer with zero rows for the new bits, the trained rows around them unchanged', () => {
    const trained = createModelVariables({ ...base, hidden: [8, 8] } as ModelSpec, 1);
    const wider = createModelVariables({ ...base, auxBits: 5, hidden: [8, 8] } as ModelSpec, 2);
    const copied = warmStart(wider, trained, 2);
    expect(copied).toContain(kernelName(0));
    expect(copied).toContain(kernelName(1));
    const k0 = wider[kernelName(0)].arraySync() as number[][];
    const old = trained[kernelName(0)].arraySync() as number[][];
    const inputs = old.length - 8;
    expect(k0.slice(0, inputs)).toEqual(old.slice(0, inputs));
    expect(
      k0
        .slice(inputs, inputs + 2)
        .flat()
        .every((x) => x === 0),
    ).toBe(true);
    expect(k0.slice(inputs + 2)).toEqual(old.slice(inputs));
  });

  it('does not widen without being told how many inputs were appended', () => {
    const trained = createModelVariables({ ...base, hidden: [8, 8] } as ModelSpec, 1);
    const wider = createModelVariables({ ...base, auxBits: 5, hidden: [8, 8] } as ModelSpec, 2);
    expect(warmStart(wider, trained)).not.toContain(kernelName(0));
  });
});
