/**
 * The application backend: plain Node, shared by the Electron main process, the browser host and
 * the tests. It owns the database session and answers every channel of the contract.
 */
import { createDispatch, type Dispatch, type ErrorLog, type Handlers } from './dispatch.ts';
import type { BackendContext } from './context.ts';
import { systemClock, type Clock } from './clock.ts';
import { dataPaths, defaultDataDir } from './paths.ts';
import { DatabaseSession } from './session.ts';
import { backupHandlers } from './handlers/backups.ts';
import { centreHandlers } from './handlers/centre.ts';
import { settingsHandlers } from './handlers/settings.ts';
import { staffHandlers } from './handlers/staff.ts';
import { skillHandlers } from './handlers/skills.ts';
import { abHandlers } from './handlers/ab.ts';
import { trainingHandlers } from './handlers/training.ts';
import { transferHandlers } from './handlers/transfer.ts';
import { calendarHandlers } from './handlers/calendar.ts';
import { leaveHandlers } from './handlers/leave.ts';
import { attendanceHandlers } from './handlers/attendance.ts';
import { demandHandlers } from './handlers/demand.ts';
import { rosterHandlers } from './handlers/roster.ts';
import { boardHandlers } from './handlers/board.ts';
import { boardRepairHandlers } from './handlers/board-repair.ts';
import { reportsHandlers } from './handlers/reports.ts';
import { defaultRosterWorkerPath, RosterJobs } from './roster/jobs.ts';

export interface BackendOptions {
  host: 'electron' | 'browser';
  appVersion: string;
  dataDir?: string;
  clock?: Clock;
  keepBackups?: number;
  demoSeed?: number;
  logError?: ErrorLog;
  /** The bundled roster solve worker; default: roster-worker.mjs beside the backend's own bundle. */
  rosterWorkerPath?: string;
}

export interface Backend {
  dispatch: Dispatch;
  context: BackendContext;
  close(): Promise<void>;
}

export const DEFAULT_KEEP_BACKUPS = 10;

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const paths = dataPaths(options.dataDir ?? defaultDataDir());
  const clock = options.clock ?? systemClock;
  const session = await DatabaseSession.open({
    paths,
    clock,
    keepBackups: options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
    demoSeed: options.demoSeed,
  });
  const context: BackendContext = { session, clock, paths, host: options.host, appVersion: options.appVersion, actor: 'local' };
  const logError = options.logError ?? ((what: unknown, error: unknown) => console.error(`[backend] ${String(what)} failed:`, error));
  const rosterJobs = new RosterJobs({ workerPath: options.rosterWorkerPath ?? defaultRosterWorkerPath(), logError });
  const handlers: Handlers = {
    ...settingsHandlers(context),
    ...centreHandlers(context),
    ...staffHandlers(context),
    ...skillHandlers(context),
    ...abHandlers(context),
    ...trainingHandlers(context),
    ...transferHandlers(context),
    ...calendarHandlers(context),
    ...leaveHandlers(context),
    ...attendanceHandlers(context),
    ...demandHandlers(context),
    ...rosterHandlers(context, rosterJobs),
    ...boardHandlers(context),
    ...boardRepairHandlers(context, rosterJobs),
    ...reportsHandlers(context),
    ...backupHandlers(context),
  };
  const close = async () => {
    await rosterJobs.close();
    await session.close();
  };
  return { dispatch: createDispatch(handlers, options.logError), context, close };
}
