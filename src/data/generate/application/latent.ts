import type { Rng } from '../../../core/index.js';

/**
 * Latent traits of one client. They shape how values are drawn (and how the history
 * generator behaves) but never enter TRUE_PD, which reads written values only.
 */
export interface ClientLatent {
  /** Creditworthiness, standard normal; higher = riskier. */
  readonly risk: number;
  /** Appetite for credit, standard normal; higher = more and larger credits. */
  readonly appetite: number;
}

export function drawLatent(rng: Rng): ClientLatent {
  return { risk: rng.normal(), appetite: rng.normal() };
}
