// Builds everything both hosts run: the renderer (Vite), the Electron main and preload, and the
// browser host (esbuild). Packages stay external: the app runs beside its node_modules.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await Promise.all([
  // The main bundle finds its neighbours by __dirname; import.meta (empty in CommonJS) is only the ESM host's way.
  esbuild({ ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } }),
  // Sandboxed preloads can require only 'electron': everything else must be inside this one file.
  esbuild({ ...node, packages: undefined, external: ['electron'], entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  esbuild({ ...node, entryPoints: ['electron/serve/server.ts'], outfile: 'dist/serve/server.mjs', format: 'esm' }),
  // The roster solve worker, beside each host's bundle, where the backend looks for it. `highs`
  // stays external so it loads its WebAssembly file from node_modules.
  ...['dist/serve', 'dist/electron'].map((dir) =>
    esbuild({ ...node, entryPoints: ['electron/backend/roster/solve-worker.ts'], outfile: `${dir}/roster-worker.mjs`, format: 'esm' }),
  ),
]);
console.log('built: dist/renderer, dist/electron/main.cjs, dist/electron/preload.cjs, dist/serve/server.mjs, dist/{serve,electron}/roster-worker.mjs');
