/**
 * The desktop host. Thin on purpose: open the backend, register the channels, open one secure
 * window. Everything the app does lives in the backend and the renderer.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBackend, type Backend } from '../backend/backend.ts';
import { dataPaths, defaultDataDir } from '../backend/paths.ts';
import { describeStartupProblem } from '../backend/startup-problem.ts';
import { LostDataError, restoreNewestBackupOverLostData } from '../backend/session.ts';
import { CONTENT_SECURITY_POLICY } from '../contract/security.ts';
import { APP_ORIGIN, isAppUrl, registerChannels, WindowSessions } from './ipc.ts';
import { CHANGE_CHANNEL } from '../contract/bridge.ts';
import { shareBackend, type SharingHost } from '../serve/sharing.ts';
import { certificateMatches, isTargetUrl, parseClientArguments, readClientTarget, writeClientTarget, type ClientTarget } from './client-mode.ts';
import { registerPrint, type PrintableContents, type PrintHost } from './print.ts';
import { debuggingFlags } from './hardening.ts';

const RENDERER_DIR = join(__dirname, '..', 'renderer');
let backend: Backend | null = null;
let sharing: SharingHost | null = null;
const sessions = new WindowSessions();
/** The pages a window may show: the app's own, or in client mode the sharing desktop's. */
let isAllowedUrl: (url: string) => boolean = isAppUrl;

// Every renderer sandboxed, whatever a window's own preferences say (a window opened by mistake
// without `sandbox: true` is still sandboxed).
app.enableSandbox();

/**
 * Fuses (RunAsNode, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar) are bits in the Electron binary: they
 * are flipped when the app is packaged, with @electron/fuses, which is not installed here (and there
 * is no Electron binary on the build machines to flip). Until packaging does it, start() checks what
 * can be checked at run time: a packaged app refuses to start with a debugger switch or NODE_OPTIONS
 * (someone could attach and read the data through the running app) before any data is opened.
 * ELECTRON_RUN_AS_NODE set makes Electron run this file as plain Node, where nothing here works;
 * only the RunAsNode fuse closes that door.
 */
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
  const debugging = debuggingFlags(process.argv, process.env);
  if (app.isPackaged && debugging.length > 0) {
    dialog.showErrorBox('无法启动 / Cannot start', `此程序不能以调试方式启动（${debugging.join('、')}），请去掉这些参数后再打开。 / This app does not start with debugging switched on (${debugging.join(', ')}): open it without them.`);
    app.exit(1);
    return;
  }
  denyPermissions(session.defaultSession);
  const dataDir = defaultDataDir();
  let target: ClientTarget | null;
  try {
    target = chooseClientTarget(dataDir);
  } catch (error) {
    return fail(error);
  }
  if (target) return startClient(target);
  serveRendererFiles();
  try {
    backend = await openBackendOrRecover(dataDir);
  } catch (error) {
    return fail(error, dataPaths(dataDir).backupDir);
  }
  registerChannels(ipcMain, backend.dispatch, isAppUrl, sessions);
  registerPrint(ipcMain, printHost(), isAppUrl);
  // What one window (or a hall desktop over the network) changed, every window refreshes.
  backend.context.changes.subscribe((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANGE_CHANNEL, change);
  });
  // The desktop shares with the browser host's own listener: one request handler for both hosts.
  sharing = await shareBackend(backend, RENDERER_DIR);
  Menu.setApplicationMenu(buildMenu());
  openMainWindow();
}

/**
 * Lost data (an empty or missing file beside backups) is never a new install: the user is told so
 * and may put the newest good backup back; anything else, or a refusal, ends in `fail`.
 */
async function openBackendOrRecover(dataDir: string): Promise<Backend> {
  const open = () => openBackend({ host: 'electron', appVersion: app.getVersion(), dataDir });
  try {
    return await open();
  } catch (error) {
    if (!(error instanceof LostDataError) || !error.newestGood) throw error;
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: '数据文件丢失 / Data file missing',
      message: describeStartupProblem(error, error.backupDir) ?? String(error),
      buttons: ['恢复最新的完好备份 / Restore the newest good backup', '退出 / Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) throw error;
    await restoreNewestBackupOverLostData(dataPaths(dataDir));
    return open();
  }
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

/** The command line's --connect / --local, remembered beside the data file; else what was remembered. */
function chooseClientTarget(dataDir: string): ClientTarget | null {
  const asked = parseClientArguments(process.argv);
  if (asked && 'local' in asked) writeClientTarget(dataDir, null);
  else if (asked) writeClientTarget(dataDir, asked.connect);
  return readClientTarget(dataDir);
}

/**
 * A hall desktop on the dispatcher's data: the sharing desktop's own pages over HTTPS, its
 * self-signed certificate trusted by the pinned fingerprint alone, no preload (the remote page
 * talks to its host over HTTP like any browser) and no local backend.
 */
function startClient(target: ClientTarget): void {
  isAllowedUrl = (url) => isTargetUrl(url, target);
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    const host = new URL(target.url).hostname.replace(/^\[|\]$/g, '');
    // 0: trusted; -2: refused. Anything but the pinned certificate of that host is refused.
    callback(request.hostname === host && certificateMatches(request.certificate.data, target.fingerprint) ? 0 : -2);
  });
  Menu.setApplicationMenu(buildMenu());
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '政务大厅排班',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  void window.loadURL(target.url);
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

/**
 * No new windows, no navigation away from the app, whatever the page asks for: a link, a server's
 * redirect, or a frame inside the page navigating on its own.
 */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const keepOnApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnApp);
  contents.on('will-redirect', keepOnApp);
  contents.on('will-frame-navigate', (event) => keepOnApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The app asks for no permission: no camera, microphone, location, notifications, MIDI, HID or
 * serial, no pointer lock or HTML fullscreen. Printing goes through main (print.ts) and copy and
 * paste through the Edit menu's roles, neither of which asks. So every request and check is no.
 */
function denyPermissions(target: typeof session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
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
