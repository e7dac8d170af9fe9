/**
 * The only bridge between the sandboxed renderer and the main process: `window.jitDoctor`, one
 * named function per channel of shared/ipc/ and nothing generic (no raw ipcRenderer, no
 * arbitrary channel). Bundled by scripts/build-electron.mjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc';

const api = createBridge(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (channel, listener) => {
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('jitDoctor', api);
