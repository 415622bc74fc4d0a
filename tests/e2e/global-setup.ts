import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { access } from 'node:fs/promises';

/** `npm test` builds first; a lone `npx playwright test` builds here if nothing is built yet. */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  await access(chromium).catch(() => {
    throw new Error(`Chromium not found at ${chromium}: install Debian's chromium package or set CHROMIUM_PATH.`);
  });
  if (!existsSync('dist/serve/server.mjs') || !existsSync('dist/renderer/index.html')) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  }
}
