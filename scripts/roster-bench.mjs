// `node scripts/roster-bench.mjs`: the roster bench alone (tests/bench/roster.bench.ts), bundled as
// `npm run bench` bundles it. Each case runs in a child process of the bundled file; see the bench's
// header for ROSTER_BENCH_ONLY and ROSTER_BENCH_TIME_LIMIT.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const outfile = resolve('dist/bench/roster.bench.mjs');
await build({ entryPoints: ['tests/bench/roster.bench.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
