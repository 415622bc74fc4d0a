import type { Clock } from './clock.ts';
import type { DataPaths } from './paths.ts';
import type { DatabaseSession } from './session.ts';

/** What every handler may use. Built once per backend by `openBackend`. */
export interface BackendContext {
  session: DatabaseSession;
  clock: Clock;
  paths: DataPaths;
  host: 'electron' | 'browser';
  appVersion: string;
  /** Who writes; one local user until accounts exist. */
  actor: string;
}
