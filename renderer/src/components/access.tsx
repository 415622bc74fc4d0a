import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Account, AuthStatus } from '../../../electron/contract/areas/auth.ts';
import type { Channel } from '../../../electron/contract/channels.ts';

interface AccessValue {
  account: Account;
  /** Whether the role table lets this account make the call (the backend decides; the UI only hides). */
  can(channel: Channel): boolean;
  /** Whether it may change a settings channel's settings, not only read them. */
  canSet(channel: Channel): boolean;
}

const AccessContext = createContext<AccessValue | null>(null);

export function AccessProvider({ status, children }: { status: AuthStatus & { account: Account }; children: ReactNode }) {
  const value = useMemo<AccessValue>(() => {
    const call = new Set(status.permissions.call);
    const set = new Set(status.permissions.set);
    return { account: status.account, can: (channel) => call.has(channel), canSet: (channel) => set.has(channel) };
  }, [status]);
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

export function useAccess(): AccessValue {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useAccess outside AccessProvider');
  return value;
}
