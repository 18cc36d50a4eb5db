import { ApiError, apiFetch } from '../../../lib/api-client';
import type { Me } from '../../../types/api';

/** GET /api/me: the logged-in account, or null without a session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
