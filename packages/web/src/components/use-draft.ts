import { useCallback, useEffect, useState } from 'react';

/**
 * Form state that survives a reload, an expired session and a failed request: kept in
 * sessionStorage under `key` until the form is submitted successfully and calls `clear`.
 */
export function useDraft<T>(key: string, initial: () => T) {
  const storageKey = `parkbridge.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) return { ...initial(), ...(JSON.parse(saved) as T) };
    } catch {}
    return initial();
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {}
  }, [storageKey, value]);
  const set = useCallback(
    <K extends keyof T>(field: K, v: T[K]) => setValue((prev) => ({ ...prev, [field]: v })),
    [],
  );
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {}
    setValue(initial());
  }, [storageKey, initial]);
  return { value, set, setValue, clear };
}
