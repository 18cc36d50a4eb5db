/** An error answered by the API (its stable CS_ERR_* code and message), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined | null>>;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly query?: QueryParams;
  readonly signal?: AbortSignal;
}

/** Fired when the API says the session is missing or has ended, so the app can ask to log in again. */
export const SESSION_ENDED_EVENT = 'clairscore:session-ended';

/** `/api` + path + the defined query parameters. */
export function apiUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
}

/**
 * Typed JSON fetch against the service. The session is the httpOnly cookie (same origin), so
 * nothing is stored by the page. Every failure becomes an ApiError with the API's code.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'CS_ERR_NETWORK', 'The service does not answer.');
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as ErrorBody | undefined)?.error;
    const code = error?.code ?? `HTTP_${response.status}`;
    if (response.status === 401 && path !== '/login') window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
    throw new ApiError(response.status, code, error?.message ?? response.statusText);
  }
  return json as T;
}
