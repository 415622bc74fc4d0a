// Bundled to one CommonJS file: sandboxed preloads cannot load modules of their own.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('api', createBridge((channel, argument) => ipcRenderer.invoke(channel, argument)));
