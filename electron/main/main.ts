/**
 * The desktop host. Thin on purpose: open the backend, register the channels, open one secure
 * window. Everything the app does lives in the backend and the renderer.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBackend, type Backend } from '../backend/backend.ts';
import { dataPaths, defaultDataDir } from '../backend/paths.ts';
import { describeStartupProblem } from '../backend/startup-problem.ts';
import { CONTENT_SECURITY_POLICY } from '../contract/security.ts';
import { APP_ORIGIN, isAppUrl, registerChannels, WindowSessions } from './ipc.ts';
import { CHANGE_CHANNEL } from '../contract/bridge.ts';
import { startDesktopSharing, type DesktopSharing } from './sharing.ts';
import { registerPrint, type PrintableContents, type PrintHost } from './print.ts';

const RENDERER_DIR = join(__dirname, '..', 'renderer');
let backend: Backend | null = null;
let sharing: DesktopSharing | null = null;
const sessions = new WindowSessions();

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.on('web-contents-created', (_event, contents) => lockDown(contents));

app.whenReady().then(start).catch((error: unknown) => fail(error));

app.on('window-all-closed', () => {
  void (sharing?.close() ?? Promise.resolve())
    .then(() => backend?.close())
    .finally(() => app.quit());
});

async function start(): Promise<void> {
  serveRendererFiles();
  const dataDir = defaultDataDir();
  try {
    backend = await openBackend({ host: 'electron', appVersion: app.getVersion(), dataDir });
  } catch (error) {
    return fail(error, dataPaths(dataDir).backupDir);
  }
  registerChannels(ipcMain, backend.dispatch, isAppUrl, sessions);
  registerPrint(ipcMain, printHost(), isAppUrl);
  // What one window (or a hall desktop over the network) changed, every window refreshes.
  backend.context.changes.subscribe((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANGE_CHANNEL, change);
  });
  sharing = await startDesktopSharing(backend, join(__dirname, '..', 'renderer'));
  Menu.setApplicationMenu(buildMenu());
  openMainWindow();
}

function openMainWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '政务大厅排班',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const id = window.webContents.id;
  // A closed window's session is signed out with it.
  window.on('closed', () => sessions.forget(id));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

/** Printing's ties to Electron: the save dialog over the asking window, the file, the documents folder. */
function printHost(): PrintHost {
  return {
    showSaveDialog: (contents: PrintableContents, options) => {
      const owner = BrowserWindow.fromWebContents(contents as WebContents);
      return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, data) => writeFile(path, data),
    defaultFolder: () => app.getPath('documents'),
    join,
  };
}

/** No new windows, no navigation away from the app, whatever the page asks for. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Serves the built renderer under app://renderer/, never a file outside its folder. */
function serveRendererFiles(): void {
  protocol.handle('app', async (request) => {
    const { host, pathname } = new URL(request.url);
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const filePath = join(RENDERER_DIR, relative);
    if (host !== 'renderer' || !filePath.startsWith(RENDERER_DIR + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(filePath).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    { label: '编辑', submenu: [{ role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' }, { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' }] },
    { label: '视图', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }, { role: 'togglefullscreen', label: '全屏' }] },
  ]);
}

function fail(error: unknown, backupDir = dataPaths(defaultDataDir()).backupDir): void {
  const advice = describeStartupProblem(error, backupDir) ?? String(error);
  dialog.showErrorBox('无法启动 / Cannot start', advice);
  app.exit(1);
}
