// useCommand: sends a command with a console-generated id, and keeps that id until a definite
// answer, so that a retry after a network error (or 503) is the same command to the server and
// cannot run twice.
import { useRef, useState } from 'preact/hooks';
import { ApiError, newCommandId } from './api';

export interface CommandRunner {
  // Sends with the pending id (a new one when none is pending); rethrows the error.
  run<T>(send: (commandId: string) => Promise<T>): Promise<T>;
  busy: boolean;
  // True after an indefinite failure: the next run reuses the same id.
  pendingRetry: boolean;
  // Forgets the pending id (e.g. the form was closed).
  reset(): void;
}

export function useCommand(): CommandRunner {
  const pending = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingRetry, setPendingRetry] = useState(false);
  return {
    busy,
    pendingRetry,
    reset() {
      pending.current = null;
      setPendingRetry(false);
    },
    async run<T>(send: (commandId: string) => Promise<T>): Promise<T> {
      if (!pending.current) pending.current = newCommandId();
      setBusy(true);
      try {
        const answer = await send(pending.current);
        pending.current = null;
        setPendingRetry(false);
        return answer;
      } catch (error) {
        const indefinite = error instanceof ApiError && error.indefinite;
        if (!indefinite) pending.current = null;
        setPendingRetry(indefinite);
        throw error;
      } finally {
        setBusy(false);
      }
    },
  };
}
