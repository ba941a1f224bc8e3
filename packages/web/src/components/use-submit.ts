import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { ApiError, type FieldError, newIdempotencyKey } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * One form submission: pending state, the problem if it failed, field errors by path, and one
 * Idempotency-Key kept across retries of the same submission (a retried POST never acts twice).
 * The key is renewed only after success, so the next submission is a new one.
 */
export function useSubmit<T>(
  action: (idempotencyKey: string) => Promise<T>,
  options: { onSuccess?: (result: T) => void; invalidate?: readonly (readonly unknown[])[] } = {},
) {
  const queryClient = useQueryClient();
  const { tMaybe } = useI18n();
  const key = useRef(newIdempotencyKey());
  const claimed = useRef(new Set<string>());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback(async (): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      const result = await action(key.current);
      key.current = newIdempotencyKey();
      for (const k of options.invalidate ?? []) await queryClient.invalidateQueries({ queryKey: k });
      options.onSuccess?.(result);
      return result;
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setPending(false);
    }
  }, [action, options, queryClient]);

  const fieldErrors: FieldError[] = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  claimed.current = new Set();

  /** The error for an input, matched by the problem's `errors[].path` (or a path below it). */
  const fieldError = (...paths: string[]): string | undefined => {
    for (const p of paths) claimed.current.add(p);
    const hit = fieldErrors.find((e) => paths.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
    if (!hit) return undefined;
    // A broken rule (a close too soon) reads in the user's language at its field; the server's
    // English sentence, with its ISO instant, is only the fallback for codes without a message.
    const inWords =
      error instanceof ApiError && error.status !== 400 ? tMaybe(`problem.${error.code}`) : null;
    return inWords ?? hit.message;
  };
  const unclaimed = () =>
    fieldErrors.filter((e) => ![...claimed.current].some((p) => e.path === p || e.path.startsWith(`${p}.`)));

  /** A form's submit handler: the page stays put and the request goes out. */
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return { submit, onSubmit, pending, error, fieldError, unclaimed, reset: () => setError(null) };
}
