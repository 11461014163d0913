// useLoad: runs an API call when its inputs change and keeps its answer, its error and a reload.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Calls `fetcher` now and whenever `inputs` change; an answer that arrives after newer inputs
// were asked for is dropped.
export function useLoad<T>(fetcher: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    fetcher().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState({ data: null, error, loading: false }),
    );
    // `inputs` are what the fetcher reads; it is re-made only when they change
  }, inputs);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
