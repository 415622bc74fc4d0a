import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { access } from 'node:fs/promises';

/**
 * `npm test` builds first and says so; a lone `npx playwright test` builds here every time, since a
 * build left from before a source change would test code that no longer exists.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  await access(chromium).catch(() => {
    throw new Error(`Chromium not found at ${chromium}: install Debian's chromium package or set CHROMIUM_PATH.`);
  });
  const built = existsSync('dist/serve/server.mjs') && existsSync('dist/renderer/index.html');
  if (!built || process.env.HALL_ROSTER_FRESH_BUILD !== '1') {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  }
}
