// `npm start`: the desktop app when Electron's binary is installed; otherwise the same app from
// the browser host, with one plain sentence saying why. Nothing here downloads anything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where Electron's binary would be, found the way the electron package finds it but without its
 * fallback, which tries to download the binary when it is missing.
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function openInBrowser(url) {
  if (process.env.CI) return;
  const opener =
    process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', [url]]
    : null;
  if (!opener) return;
  const [command, args] = opener;
  if (process.platform === 'linux' && spawnSync('which', [command]).status !== 0) return;
  spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

const electron = findElectronBinary();
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 程序（离线安装不会下载它），改为在浏览器中提供同一应用。 / Electron is not installed, so the same app is served to your browser instead.');
  const { runBrowserHostCli } = await import('../dist/serve/server.mjs');
  const host = await runBrowserHostCli();
  if (host) openInBrowser(host.url);
}
