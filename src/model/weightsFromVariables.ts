import type * as tf from '@tensorflow/tfjs';
import {
  ATTENTION_CELL_BIAS,
  ATTENTION_CELL_KERNEL,
  ATTENTION_VARS,
  CELL_BIAS,
  CELL_KERNEL,
  FC_BIASES,
  FC_WEIGHTS,
} from './checkpointSpec';
import type { MelodyRnnWeights } from './sampler';

/**
 * A MusicRNN's variables by checkpoint name, as the sampler and the runner read them: the plain LSTM stack, or
 * (with `attentionLength`) the stack inside Magenta's attention wrapper and the wrapper's own variables. One
 * mapping for the app's loader (Magenta's rawVars) and the eval's (the files read in Node), so the eval
 * measures what the app runs. A missing variable is left undefined for the caller to report.
 */
export function weightsFromVariables(
  vars: Record<string, tf.Tensor>,
  layers: number,
  attentionLength?: number,
): MelodyRnnWeights {
  const attention = attentionLength !== undefined;
  const kernelName = attention ? ATTENTION_CELL_KERNEL : CELL_KERNEL;
  const biasName = attention ? ATTENTION_CELL_BIAS : CELL_BIAS;
  return {
    cells: Array.from({ length: layers }, (_, l) => ({
      kernel: vars[kernelName(l)] as tf.Tensor2D,
      bias: vars[biasName(l)] as tf.Tensor1D,
    })),
    fcWeights: vars[FC_WEIGHTS] as tf.Tensor2D,
    fcBiases: vars[FC_BIASES] as tf.Tensor1D,
    ...(attention
      ? {
          attention: {
            length: attentionLength,
            inputKernel: vars[ATTENTION_VARS.inputKernel] as tf.Tensor2D,
            inputBias: vars[ATTENTION_VARS.inputBias] as tf.Tensor1D,
            w: vars[ATTENTION_VARS.w] as tf.Tensor4D,
            v: vars[ATTENTION_VARS.v] as tf.Tensor1D,
            queryKernel: vars[ATTENTION_VARS.queryKernel] as tf.Tensor2D,
            outputKernel: vars[ATTENTION_VARS.outputKernel] as tf.Tensor2D,
            outputBias: vars[ATTENTION_VARS.outputBias] as tf.Tensor1D,
          },
        }
      : {}),
  };
}

/** True when every variable the weights name was found (weightsFromVariables leaves missing ones undefined). */
export function hasEveryVariable(weights: MelodyRnnWeights): boolean {
  const parts: unknown[] = [...weights.cells.flatMap((c) => [c.kernel, c.bias]), weights.fcWeights, weights.fcBiases];
  if (weights.attention) parts.push(...(Object.values(weights.attention) as unknown[]));
  return parts.every((t) => t !== undefined);
}
