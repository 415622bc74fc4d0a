import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads with `fetch` whenever it changes. Only the latest request may land: a slow answer for
 * 8 weeks must not replace a later one for 2.
 */
export function useLatestLoad<T>(fetch: () => Promise<T>, onError: (caught: unknown) => void) {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const next = await fetch();
      if (request === latest.current) setValue(next);
    } catch (caught) {
      if (request === latest.current) onError(caught);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [fetch, onError]);
  useEffect(() => void reload(), [reload]);
  return { value, loading, reload };
}
