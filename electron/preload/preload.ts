// Bundled to one CommonJS file: sandboxed preloads cannot load modules of their own.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANGE_CHANNEL, type ChangeNotice } from '../contract/bridge.ts';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(
  'api',
  createBridge(
    (channel, argument) => ipcRenderer.invoke(channel, argument),
    (listener) => {
      // The page gets the notice only, never the IPC event (which would expose the sender).
      const forward = (_event: IpcRendererEvent, change: ChangeNotice) => listener(change);
      ipcRenderer.on(CHANGE_CHANNEL, forward);
      return () => ipcRenderer.removeListener(CHANGE_CHANNEL, forward);
    },
  ),
);
