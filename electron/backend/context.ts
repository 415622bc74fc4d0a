import type { Clock } from './clock.ts';
import type { DataPaths } from './paths.ts';
import type { DatabaseSession } from './session.ts';
import type { AuthService } from './auth/service.ts';
import type { ChangeFeed } from './changes.ts';
import type { SharingStatus } from '../contract/areas/auth.ts';

/**
 * Sharing on the local network is the host's to do (it owns the listening sockets): the browser
 * host and the desktop each give the backend one of these; a host that cannot share gives none.
 */
export interface SharingControl {
  status(): Promise<SharingStatus>;
  apply(setting: { enabled: boolean; address: string; port: number }): Promise<SharingStatus>;
}

/** What every handler may use. Built once per backend by `openBackend`. */
export interface BackendContext {
  session: DatabaseSession;
  clock: Clock;
  paths: DataPaths;
  host: 'electron' | 'browser';
  appVersion: string;
  /** Who writes: the signed-in account of the call now running ('local' outside a call). */
  readonly actor: string;
  auth: AuthService;
  changes: ChangeFeed;
  sharing: SharingControl | null;
}
