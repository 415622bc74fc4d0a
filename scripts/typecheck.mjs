// `npm run typecheck`: every layer against its own tsconfig.json (the root one checks nothing, and
// TypeScript 6 refuses `tsc -b` on a root whose file list is empty).
import { spawnSync } from 'node:child_process';
import { LAYERS } from './layers.mjs';

let failed = 0;
for (const layer of LAYERS) {
  const result = spawnSync('node_modules/.bin/tsc', ['-p', layer], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`✘ typecheck failed: ${layer}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
