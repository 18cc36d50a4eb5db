import { useCallback, useEffect, useState } from 'react';

import { ApiError } from './api-client';

/** What a query needs: a cache key and the fetch itself. */
export interface QueryOptions<T> {
  readonly key: string;
  readonly fn: (signal: AbortSignal) => Promise<T>;
}

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

// A small cache keyed by URL-like keys: going back to a client already seen is instant.
const cache = new Map<string, unknown>();
const MAX_ENTRIES = 200;

function remember(key: string, value: unknown): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

// Requests in flight, shared by every component asking the same key at the same time (the
// client page and its information card both want /clients/:id): one request, not two.
interface InFlight {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  users: number;
}
const inFlight = new Map<string, InFlight>();

/** Joins the request in flight for the key, or starts it; release() aborts it when nobody waits. */
function share<T>(options: QueryOptions<T>): { promise: Promise<T>; release: () => void } {
  let entry = inFlight.get(options.key);
  if (!entry) {
    const controller = new AbortController();
    const promise = options.fn(controller.signal).then((data) => {
      remember(options.key, data);
      return data;
    });
    const created: InFlight = { promise, controller, users: 0 };
    const forget = () => {
      if (inFlight.get(options.key) === created) inFlight.delete(options.key);
    };
    promise.then(forget, forget);
    inFlight.set(options.key, created);
    entry = created;
  }
  const shared = entry;
  shared.users += 1;
  let released = false;
  return {
    promise: shared.promise as Promise<T>,
    release: () => {
      if (released) return;
      released = true;
      shared.users -= 1;
      if (shared.users === 0) {
        if (inFlight.get(options.key) === shared) inFlight.delete(options.key);
        shared.controller.abort();
      }
    },
  };
}

/** Drops cached answers whose key starts with the prefix (after a change such as a recorded decision). */
export function invalidate(prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
  for (const key of [...inFlight.keys()]) if (key.startsWith(prefix)) inFlight.delete(key);
}

/** Empties the cache (log-out: nothing of one session is shown to the next). */
export function clearQueries(): void {
  cache.clear();
  inFlight.clear();
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'CS_ERR_CLIENT', String(error));

/** Runs a query when its key changes (null: nothing to fetch), with the cached answer shown at once. */
export function useQuery<T>(options: QueryOptions<T> | null): QueryState<T> {
  const key = options?.key ?? null;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>(
    () => ({
      key,
      ...(key !== null && cache.has(key) ? { data: cache.get(key) as T } : {}),
      loading: key !== null && !cache.has(key),
    }),
  );
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => {
    if (key !== null) cache.delete(key);
    setTick((t) => t + 1);
  }, [key]);

  useEffect(() => {
    if (options === null) {
      setState({ key: null, loading: false });
      return;
    }
    if (cache.has(options.key)) {
      setState({ key: options.key, data: cache.get(options.key) as T, loading: false });
      return;
    }
    let active = true;
    const { promise, release } = share(options);
    setState({ key: options.key, loading: true });
    promise.then(
      (data) => {
        if (active) setState({ key: options.key, data, loading: false });
      },
      (error: unknown) => {
        if (active) setState({ key: options.key, error: asApiError(error), loading: false });
      },
    );
    return () => {
      active = false;
      release();
    };
    // the key stands for the options: a new key is a new query
  }, [key, tick]);

  // while an effect is pending for a new key, do not show the previous key's data
  const current = state.key === key;
  return {
    data: current ? state.data : key !== null && cache.has(key) ? (cache.get(key) as T) : undefined,
    error: current ? state.error : undefined,
    loading: current ? state.loading : key !== null && !cache.has(key),
    reload,
  };
}

/** A mutation: call it, follow its state. */
export function useMutation<A, T>(fn: (args: A) => Promise<T>) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; pending: boolean }>({ pending: false });
  const run = useCallback(
    async (args: A): Promise<T | undefined> => {
      setState({ pending: true });
      try {
        const data = await fn(args);
        setState({ data, pending: false });
        return data;
      } catch (error) {
        setState({ error: asApiError(error), pending: false });
        return undefined;
      }
    },
    [fn],
  );
  return { ...state, run };
}
