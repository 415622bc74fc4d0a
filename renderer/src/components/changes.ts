/**
 * Changes made elsewhere, as they happen: one subscription to the host's change stream for the
 * whole page, shared by every view that listens, so a dozen views do not open a dozen streams.
 */
import { useEffect, useRef } from 'react';
import type { ChangeNotice } from '../../../electron/contract/bridge.ts';

type Listener = (change: ChangeNotice) => void;

const listeners = new Set<Listener>();
let stop: (() => void) | null = null;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  stop ??= window.api.onChange((change) => {
    for (const each of listeners) each(change);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = null;
    }
  };
}

/** Calls `onChange` for every change whose channel passes `wanted`; the latest `onChange` is used. */
export function useChanges(wanted: (change: ChangeNotice) => boolean, onChange: Listener): void {
  const latest = useRef({ wanted, onChange });
  latest.current = { wanted, onChange };
  useEffect(
    () =>
      subscribe((change) => {
        if (latest.current.wanted(change)) latest.current.onChange(change);
      }),
    [],
  );
}

/** Whether a change's channel belongs to one of the domains ('staff', 'leave', …). */
export function inDomains(change: ChangeNotice, domains: readonly string[]): boolean {
  return domains.includes(change.channel.split('/')[0] ?? '');
}
