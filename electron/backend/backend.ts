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
import { overtimeHandlers } from './handlers/overtime.ts';
import { demandHandlers } from './handlers/demand.ts';
import { rosterHandlers } from './handlers/roster.ts';
import { boardHandlers } from './handlers/board.ts';
import { boardRepairHandlers } from './handlers/board-repair.ts';
import { reportsHandlers } from './handlers/reports.ts';
import { authHandlers } from './handlers/auth.ts';
import { AuthService, DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth/service.ts';
import { createGuard } from './auth/guard.ts';
import { currentActor } from './auth/call-context.ts';
import { ChangeFeed } from './changes.ts';
import type { SharingControl } from './context.ts';
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
  /** Sign-in's limits and the password hash's cost (tests lower the cost to keep the suite quick). */
  authPolicy?: Partial<AuthPolicy>;
}

export interface Backend {
  dispatch: Dispatch;
  context: BackendContext;
  /** The host's way to share the data on the network, given once the host can listen. */
  setSharing(control: SharingControl | null): void;
  /** Whether a session token is live: the browser host's event stream is for signed-in pages. */
  isSignedIn(token: string): Promise<boolean>;
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
  const changes = new ChangeFeed();
  const auth = new AuthService(clock, { ...DEFAULT_AUTH_POLICY, ...options.authPolicy });
  const context: BackendContext = {
    session,
    clock,
    paths,
    host: options.host,
    appVersion: options.appVersion,
    get actor() {
      return currentActor();
    },
    auth,
    changes,
    sharing: null,
  };
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
    ...overtimeHandlers(context),
    ...demandHandlers(context),
    ...rosterHandlers(context, rosterJobs),
    ...boardHandlers(context),
    ...boardRepairHandlers(context, rosterJobs),
    ...reportsHandlers(context),
    ...authHandlers(context),
    ...backupHandlers(context),
  };
  const close = async () => {
    await rosterJobs.close();
    await session.close();
  };
  const dispatch = createDispatch(handlers, {
    logError: options.logError,
    admit: createGuard(session, auth, clock),
    onChange: (change) => changes.publish({ ...change, at: clock.now().toISOString() }),
  });
  return {
    dispatch,
    context,
    setSharing: (control) => {
      context.sharing = control;
    },
    isSignedIn: (token) => session.use((db) => auth.resolve(db, token)).then(() => true, () => false),
    close,
  };
}
