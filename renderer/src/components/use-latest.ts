import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value of something an effect reads but must not re-run for (the language of an error
 * message, a callback that changes with it): the effect names the stable ref, and reads `.current`
 * when it fires. Updated in a layout effect, so it is current before any ordinary effect runs.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
