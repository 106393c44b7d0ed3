import * as tf from '@tensorflow/tfjs';
import { VaeCodec, vaeWeightsFrom } from '../../../src/model/vae/vaeCodec';
import { runVaeRequest } from '../../../src/model/vae/vaeMoves';
import type { VaeClient, VaeInfo, VaeRequest } from '../../../src/model/vae/vaeTypes';
import { createVaeVariables, toCheckpointTensors } from '../../../src/train/vae/vaeGraph';

/**
 * A VaeClient that runs the worker's own request code (runVaeRequest with the real codec and tfjs) in
 * process, on seeded random weights of a small MusicVAE: everything but the worker's messaging is real.
 */
export class InProcessVaeClient implements VaeClient {
  requests: VaeRequest[] = [];
  loads: string[] = [];
  failLoad: Error | null = null;
  private codec: VaeCodec | null = null;

  async loadVae(url: string): Promise<VaeInfo> {
    this.loads.push(url);
    if (this.failLoad) throw this.failLoad;
    if (!this.codec) {
      await tf.setBackend('cpu');
      const vars = createVaeVariables(
        { minPitch: 48, maxPitch: 83, numSteps: 32, encoderHidden: 16, decoderHidden: [16, 16], zSize: 8 },
        7,
      );
      let seed = 3;
      for (const v of Object.values(vars)) v.assign(tf.randomUniform(v.shape, -0.8, 0.8, 'float32', seed++));
      this.codec = new VaeCodec(vaeWeightsFrom(toCheckpointTensors(vars)), 32);
    }
    return { url, range: { min: 48, max: 83 }, numSteps: 32, zSize: 8, backend: 'cpu', loadMs: 1 };
  }

  async runVae(request: VaeRequest) {
    this.requests.push(request);
    if (!this.codec) throw new Error('not loaded');
    return runVaeRequest(this.codec, request);
  }
}
