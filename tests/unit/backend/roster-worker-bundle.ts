/**
 * The roster tests run the backend from its TypeScript sources, but a worker thread needs a
 * JavaScript file: bundle solve-worker.ts as scripts/build.mjs does. The bundle goes inside
 * node_modules so its bare `highs` import resolves, and HiGHS finds its WebAssembly, as in dist/.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface WorkerBundle {
  path: string;
  remove(): Promise<void>;
}

export async function bundleRosterWorker(): Promise<WorkerBundle> {
  const path = `${ROOT}node_modules/.cache/hall-roster-tests/roster-worker-${process.pid}-${Date.now()}.mjs`;
  await build({
    entryPoints: [`${ROOT}electron/backend/roster/solve-worker.ts`],
    outfile: path,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return { path, remove: () => rm(path, { force: true }) };
}
