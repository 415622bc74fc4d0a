/**
 * What the desktop refuses at start when packaged: ways to attach a debugger or inject code into its
 * main process. Plain functions of the command line and environment, so they are tested without Electron.
 */

/** Command-line switches that open a debugger (Node's inspector or Chromium's remote debugging). */
const DEBUG_SWITCHES = /^--(inspect|inspect-brk|inspect-port|debug|debug-brk|remote-debugging-port|remote-debugging-pipe|js-flags)(=|$)/;

/** The debugging switches and variables found, by name (empty when there are none). */
export function debuggingFlags(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const found = argv.filter((argument) => DEBUG_SWITCHES.test(argument)).map((argument) => argument.split('=')[0]!);
  // NODE_OPTIONS can carry --inspect or --require (code of anyone's choosing) into the main process.
  if (env.NODE_OPTIONS && env.NODE_OPTIONS.trim() !== '') found.push('NODE_OPTIONS');
  if (env.ELECTRON_RUN_AS_NODE) found.push('ELECTRON_RUN_AS_NODE');
  return [...new Set(found)];
}
