// `node scripts/hall-bench.mjs`: bundles tests/bench/hall.bench.ts (packages external, as in
// scripts/bench.mjs) and runs it alone; HALL_BENCH_ONLY=<regex> picks cases.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const outfile = resolve('dist/bench/hall.bench.mjs');
await build({ entryPoints: ['tests/bench/hall.bench.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
