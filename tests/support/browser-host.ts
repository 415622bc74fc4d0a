import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedClock } from '../../electron/backend/clock.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/serve/server.ts';
import { withTempDir } from './temp.ts';

/**
 * The real browser host on a fresh data folder and a one-line renderer, on the tests' frozen clock
 * and a cheap password hash; closed afterwards whatever happens.
 */
export async function withBrowserHost(work: (host: BrowserHost) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const staticDir = join(dir, 'renderer');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    const host = await startBrowserHost({ port: 0, dataDir: join(dir, 'data'), staticDir, clock: fixedClock('2026-11-22T10:00:00'), authPolicy: { scryptCost: 2 ** 10 } });
    try {
      await work(host);
    } finally {
      await host.close();
    }
  });
}
