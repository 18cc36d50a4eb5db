import { apiFetch } from '../../../lib/api-client';
import { invalidate } from '../../../lib/query';
import type { FinalDecision } from '../../../types/api';

export interface ReviewInput {
  readonly clientId: number;
  readonly decision: 'accept' | 'refuse';
  readonly reason: string;
}

/** POST /api/clients/:id/review: the advisor's final decision on a file in the review band. */
export async function recordReview({ clientId, decision, reason }: ReviewInput): Promise<FinalDecision> {
  const recorded = await apiFetch<FinalDecision>(`/clients/${clientId}/review`, {
    method: 'POST',
    body: { decision, reason },
  });
  invalidate(`/clients/${clientId}/score`);
  return recorded;
}
