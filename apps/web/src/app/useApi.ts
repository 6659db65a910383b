import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';

/** Plan reads rarely change within a visit: keep them, so moving between pages is instant. */
const cache = new Map<string, Promise<unknown>>();

export function cachedGet<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api.get<T>(path);
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p;
}

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads a GET path and re-loads it when the path changes; `null` loads nothing. With
 * `cached`, the answer is shared across pages for the rest of the visit.
 */
export function useApi<T>(path: string | null, options: { cached?: boolean } = {}): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  const cached = options.cached ?? false;
  const current = useRef(0);

  useEffect(() => {
    if (!path) {
      setState({ loading: false });
      return;
    }
    const id = ++current.current;
    setState((s) => ({ data: s.data, loading: true }));
    (cached ? cachedGet<T>(path) : api.get<T>(path)).then(
      (data) => id === current.current && setState({ data, loading: false }),
      (error: Error) => id === current.current && setState({ error, loading: false }),
    );
  }, [path, tick, cached]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
