import { useCallback, useState } from 'react';
import { toErrorBody, type ErrorBody, type Result } from '../../shared/errors.js';

/** A command a component can run, with its pending flag and last error kept for display next to the control. */
export interface CommandState<A extends unknown[], T> {
  readonly run: (...args: A) => Promise<Result<T>>;
  readonly pending: boolean;
  readonly error: ErrorBody | null;
  readonly clearError: () => void;
}

/**
 * Wraps a feature action (`run` is stable when `fn` is). Errors are kept for display, never swallowed; a
 * rejected promise (a transport bug) becomes an error result like any other.
 */
export function useCommand<A extends unknown[], T>(fn: (...args: A) => Promise<Result<T>>): CommandState<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const run = useCallback(
    async (...args: A): Promise<Result<T>> => {
      setPending(true);
      setError(null);
      let result: Result<T>;
      try {
        result = await fn(...args);
      } catch (e) {
        result = { ok: false, error: toErrorBody(e) };
      }
      setPending(false);
      if (!result.ok) setError(result.error);
      return result;
    },
    [fn],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
