/**
 * A stand-in for the 'electron' module, for testing the main process where Electron's binary
 * cannot be installed. It records what main asks of Electron.
 */
export interface Recorded {
  windows: { options: Record<string, unknown>; loaded: string[] }[];
  ipcChannels: string[];
  protocolHandler: ((request: { url: string }) => Promise<Response>) | null;
  privileged: unknown[];
  webContentsListeners: ((event: unknown, contents: unknown) => void)[];
  errors: string[];
  fetched: string[];
  exitCodes: number[];
  /** Messages of dialog.showMessageBox, and the button index the fake answers with (Quit, 1, unless set). */
  messageBoxes: string[];
  messageBoxResponse: number;
  /** The permission handlers main set on the default session. */
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null;
  sandboxEnabled: boolean;
}

export const recorded: Recorded = {
  windows: [],
  ipcChannels: [],
  protocolHandler: null,
  privileged: [],
  webContentsListeners: [],
  errors: [],
  fetched: [],
  exitCodes: [],
  messageBoxes: [],
  messageBoxResponse: 1,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  sandboxEnabled: false,
};

/** Whether the fake app runs packaged (tests of what a packaged app refuses set it). */
export const fakeApp = { isPackaged: false };

class BrowserWindow {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  readonly webContents = { id: BrowserWindow.all.length + 1, send: () => undefined };
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push({ options, loaded: [] });
    BrowserWindow.all.push(this);
  }
  on() {
    return this;
  }
  loadURL(url: string) {
    recorded.windows.at(-1)?.loaded.push(url);
    return Promise.resolve();
  }
}

export const certificateChecks: ((request: { hostname: string; certificate: { data: string } }, callback: (verdict: number) => void) => void)[] = [];

export const fakeElectron = {
  session: {
    defaultSession: {
      setCertificateVerifyProc: (proc: (typeof certificateChecks)[number]) => certificateChecks.push(proc),
      setPermissionRequestHandler: (handler: Recorded['permissionRequestHandler']) => (recorded.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: Recorded['permissionCheckHandler']) => (recorded.permissionCheckHandler = handler),
    },
  },
  app: {
    get isPackaged() {
      return fakeApp.isPackaged;
    },
    enableSandbox: () => (recorded.sandboxEnabled = true),
    on: (event: string, listener: (event: unknown, contents: unknown) => void) => {
      if (event === 'web-contents-created') recorded.webContentsListeners.push(listener);
    },
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.0.0-test',
    quit: () => undefined,
    exit: (code: number) => recorded.exitCodes.push(code),
  },
  BrowserWindow,
  ipcMain: { handle: (channel: string) => recorded.ipcChannels.push(channel) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
    handle: (_scheme: string, handler: Recorded['protocolHandler']) => (recorded.protocolHandler = handler),
  },
  net: { fetch: async (url: string) => (recorded.fetched.push(url), new Response(`file at ${url}`, { status: 200 })) },
  dialog: {
    showErrorBox: (_title: string, text: string) => recorded.errors.push(text),
    showMessageBox: async (options: { message: string }) => (recorded.messageBoxes.push(options.message), { response: recorded.messageBoxResponse }),
  },
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
};
