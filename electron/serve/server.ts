/**
 * The browser host: the same backend and renderer as the desktop, over HTTP on loopback; and, when
 * a dispatcher switches sharing on, over HTTPS on one network address for the hall's desktops.
 * `npm run serve` runs this file; `npm start` falls back to it when Electron's binary is missing.
 */
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import packageJson from '../../package.json';
import { openBackend, type Backend, type BackendOptions } from '../backend/backend.ts';
import { dataPaths, defaultDataDir } from '../backend/paths.ts';
import { describeStartupProblem } from '../backend/startup-problem.ts';
import { LostDataError, restoreNewestBackupOverLostData } from '../backend/session.ts';
import { fixedClock, type Clock } from '../backend/clock.ts';
import { createRequestHandler } from './http-api.ts';
import { httpBackendOf, shareBackend } from './sharing.ts';

export const LOOPBACK = '127.0.0.1';
export const DEFAULT_PORT = 5180;

export interface BrowserHostOptions {
  port: number;
  dataDir: string;
  staticDir: string;
  clock?: Clock;
  /** For tests: a cheaper password hash. */
  authPolicy?: BackendOptions['authPolicy'];
}

export interface BrowserHost {
  url: string;
  backend: Backend;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const backend = await openBackend({ host: 'browser', appVersion: packageJson.version, dataDir: options.dataDir, clock: options.clock, authPolicy: options.authPolicy });
  const server = createServer(createRequestHandler(httpBackendOf(backend), options.staticDir));
  await listen(server, options.port);
  const sharing = await shareBackend(backend, options.staticDir);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    backend,
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Browsers keep idle connections open; without this, close waits for them to time out.
      server.closeAllConnections();
      await closed;
      await sharing.close();
      await backend.close();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    // Loopback only: the hall's desktops come in over the HTTPS listener sharing opens, never here.
    server.listen(port, LOOPBACK, () => resolvePromise());
  });
}

/** The variable that freezes the host's clock: end-to-end tests must not depend on the day they run. */
export const CLOCK_VARIABLE = 'HALL_ROSTER_CLOCK';

/** A fixed clock from HALL_ROSTER_CLOCK (an ISO local date-time), or the system's. */
export function clockFromEnvironment(value: string | undefined): Clock | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`${CLOCK_VARIABLE} must be a local date and time like 2026-11-22T10:00:00, not "${value}"`);
  }
  return fixedClock(value);
}

/** Parses PORT: a number from 0 (any free port) to 65535. */
export function portFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/** Restores the newest good backup over a lost data file before starting. */
export const RESTORE_FLAG = '--restore-newest-backup';

/** The command-line entry: prints the address, or a plain reason it could not start. */
export async function runBrowserHostCli(): Promise<BrowserHost | null> {
  const dataDir = defaultDataDir();
  const here = dirname(fileURLToPath(import.meta.url));
  let port: number;
  let clock: Clock | undefined;
  try {
    port = portFromEnvironment(process.env.PORT);
    clock = clockFromEnvironment(process.env[CLOCK_VARIABLE]);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return null;
  }
  try {
    // Asked for on the command line, after a start that found the data file lost: only ever over a
    // missing or empty file, and only from a backup that passes its check.
    if (process.argv.includes(RESTORE_FLAG)) {
      const restored = await restoreNewestBackupOverLostData(dataPaths(dataDir)).catch((error: unknown) => {
        console.error(`未恢复任何备份：${(error as Error).message} / Nothing was restored: ${(error as Error).message}`);
        return null;
      });
      if (!restored) {
        process.exitCode = 2;
        return null;
      }
      console.log(`已从备份恢复 / restored from backup: ${restored.fileName}`);
    }
    const host = await startBrowserHost({
      port,
      clock,
      dataDir,
      staticDir: resolve(here, '../renderer'),
    });
    console.log(`政务大厅排班 · 浏览器版已启动 / browser host running: ${host.url}`);
    console.log(`数据文件 / data file: ${host.backend.context.paths.dataFile}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return host;
  } catch (error) {
    const advice = describeStartupProblem(error, dataPaths(dataDir).backupDir);
    if (advice) console.error(advice);
    if (error instanceof LostDataError && error.newestGood) {
      console.error(`恢复最新的完好备份并启动：npm run serve -- ${RESTORE_FLAG} / To restore it and start: npm run serve -- ${RESTORE_FLAG}`);
    }
    else if ((error as { code?: string }).code === 'EADDRINUSE') console.error(`端口已被占用 / port in use: set PORT to another number. (${String(error)})`);
    else console.error(error);
    process.exitCode = 2;
    return null;
  }
}

// Run as `node dist/serve/server.mjs` (or the source): start. Bundled into something else (a bench
// imports the host), import.meta.url is that bundle's, so the file's own name is checked too.
const entry = process.argv[1] ? resolve(process.argv[1]) : '';
if (/[\\/]server\.(mjs|ts)$/.test(entry) && entry === fileURLToPath(import.meta.url)) {
  void runBrowserHostCli();
}
