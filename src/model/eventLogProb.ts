/**
 * The model's own log-probability of one event from a row of logits: log-softmax at temperature 1 over every
 * event class, whatever the constraints or the temperature the event was drawn with. "How sure the model is"
 * of a candidate is the mean of these over its steps, so the figure means the same at any temperature.
 */
export function eventLogProb(logits: ArrayLike<number>, at: number, depth: number, event: number): number {
  let max = -Infinity;
  for (let k = 0; k < depth; k++) if (logits[at + k] > max) max = logits[at + k];
  let sum = 0;
  for (let k = 0; k < depth; k++) sum += Math.exp(logits[at + k] - max);
  return logits[at + event] - max - Math.log(sum);
}
