// `npm run roster -- <command>`: bundles scripts/roster-cli.ts (packages stay external, as in
// scripts/bench.mjs) and runs it; see that file for the commands and exit codes.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/roster/roster-cli.mjs`;
await build({ entryPoints: [`${root}scripts/roster-cli.ts`], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
