/**
 * The desktop shares its data the way the browser host does: the same request handler and HTTPS
 * listener (electron/serve), on the address a dispatcher chose, so the hall's desktops and
 * browsers reach this one's data. Main owns the sockets; the backend only asks for them.
 */
import type { Backend } from '../backend/backend.ts';
import { readSharingSetting } from '../backend/sharing-settings.ts';
import { createRequestHandler, LOOPBACK_HOSTS, type HttpBackend } from '../serve/http-api.ts';
import { createSharing } from '../serve/sharing.ts';

export interface DesktopSharing {
  close(): Promise<void>;
}

export async function startDesktopSharing(backend: Backend, rendererDir: string): Promise<DesktopSharing> {
  const httpBackend: HttpBackend = { dispatch: backend.dispatch, isSignedIn: backend.isSignedIn, subscribe: (listener) => backend.context.changes.subscribe(listener) };
  const sharing = createSharing({
    certificateDir: backend.context.paths.dataDir,
    clock: backend.context.clock,
    handler: createRequestHandler(httpBackend, rendererDir, {
      allowedHosts: () => {
        const address = sharing.sharedAddress();
        return address === null ? LOOPBACK_HOSTS : new Set([...LOOPBACK_HOSTS, address.includes(':') ? `[${address}]` : address]);
      },
    }),
  });
  backend.setSharing(sharing);
  const setting = await backend.context.session.use((db) => readSharingSetting(db));
  if (setting.enabled && setting.address !== null) {
    await sharing.apply({ enabled: true, address: setting.address, port: setting.port }).catch((error: unknown) => {
      console.error(`共享未能恢复 / sharing could not resume: ${(error as Error).message}`);
    });
  }
  return { close: () => sharing.close() };
}
