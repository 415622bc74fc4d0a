// `npm run bench`: bundles the benchmark scripts of tests/bench and runs them; they print figures.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const benches = readdirSync('tests/bench').filter((name) => name.endsWith('.bench.ts'));
for (const name of benches) {
  const outfile = resolve('dist/bench', name.replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [`tests/bench/${name}`], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  console.log(`\n## ${name}`);
  await import(pathToFileURL(outfile).href);
}
