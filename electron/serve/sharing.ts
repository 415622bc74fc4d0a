/**
 * Sharing the data with the hall's desktops: an HTTPS listener on a network address of this machine,
 * beside the loopback one, with a self-signed certificate made on first use and kept in the data
 * folder. Its SHA-256 fingerprint is what a hall desktop checks on its first connection. Off by
 * default; while off, nothing listens anywhere but loopback.
 */
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { AppFailure } from '../contract/errors.ts';
import type { SharingAddress, SharingStatus } from '../contract/areas/auth.ts';
import type { Backend } from '../backend/backend.ts';
import type { SharingControl } from '../backend/context.ts';
import { DEFAULT_SHARING_PORT, readSharingSetting, sharingAddressProblem } from '../backend/sharing-settings.ts';
import { createRequestHandler, LOOPBACK_HOSTS, type HttpBackend } from './http-api.ts';

export interface TlsFiles {
  key: string;
  cert: string;
  fingerprint: string;
}

/** Ten years: a certificate a hall confirmed once should not expire under it. */
const CERTIFICATE_YEARS = 10;

/** The certificate of this data folder, made the first time sharing is switched on. */
export async function ensureCertificate(dir: string, address: string, now: Date): Promise<TlsFiles> {
  const keyPath = join(dir, 'sharing-key.pem');
  const certPath = join(dir, 'sharing-cert.pem');
  const [key, cert] = await Promise.all([readFile(keyPath, 'utf8').catch(() => null), readFile(certPath, 'utf8').catch(() => null)]);
  if (key && cert && coversAddress(cert, address)) return { key, cert, fingerprint: fingerprintOf(cert) };
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(now.getFullYear() + CERTIFICATE_YEARS);
  const pems = await generate([{ name: 'commonName', value: `政务大厅排班 ${address}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: address }, { type: 2, value: 'localhost' }] }],
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The key is for this machine alone, and so is the certificate beside it: readable by its user only.
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await writeFile(certPath, pems.cert, { mode: 0o600 });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

function coversAddress(certPem: string, address: string): boolean {
  try {
    return new X509Certificate(certPem).checkIP(address) !== undefined;
  } catch {
    return false;
  }
}

/** This machine's addresses a hall desktop could reach, IPv4 first. */
export function machineAddresses(): SharingAddress[] {
  return Object.entries(networkInterfaces())
    .flatMap(([name, entries]) => (entries ?? []).filter((entry) => !entry.internal).map((entry) => ({ address: entry.address, interface: name, family: entry.family === 'IPv6' ? 'IPv6' as const : 'IPv4' as const })))
    .sort((a, b) => a.family.localeCompare(b.family) || a.address.localeCompare(b.address));
}

export interface SharingHost extends SharingControl {
  /** The address being shared on, for the request handler's allowed host names. */
  sharedAddress(): string | null;
  close(): Promise<void>;
}

export function createSharing(options: { certificateDir: string; handler: RequestListener; clock: { now(): Date } }): SharingHost {
  let server: Server | null = null;
  let current: { address: string; port: number; fingerprint: string } | null = null;
  let lastPort = DEFAULT_SHARING_PORT;

  const status = async (): Promise<SharingStatus> => ({
    enabled: current !== null,
    address: current?.address ?? null,
    port: current?.port ?? lastPort,
    url: current ? `https://${hostNameOf(current.address)}:${current.port}/` : null,
    fingerprint: current?.fingerprint ?? null,
    addresses: machineAddresses(),
    unavailable: null,
  });

  const stop = async () => {
    if (!server) return;
    const closing = new Promise<void>((done) => server!.close(() => done()));
    server.closeAllConnections();
    await closing;
    server = null;
    current = null;
  };

  return {
    status,
    sharedAddress: () => current?.address ?? null,
    apply: async ({ enabled, address, port }) => {
      // Refused before the running listener is touched: a wrong address leaves sharing as it was.
      const problem = enabled ? sharingAddressProblem(address) : null;
      if (problem) throw new AppFailure('invalid_argument', problem, { address: 'invalid_value' });
      lastPort = port;
      await stop();
      if (!enabled) return status();
      const tls = await ensureCertificate(options.certificateDir, address, options.clock.now());
      const next = createServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' }, options.handler);
      await new Promise<void>((resolve, reject) => {
        next.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, address, port)));
        next.listen(port, address, () => resolve());
      });
      server = next;
      current = { address, port, fingerprint: tls.fingerprint };
      return status();
    },
    close: stop,
  };
}

/** An address as a Host header and a URL name it: IPv6 in brackets. */
function hostNameOf(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** What the request handler needs of a backend, for the loopback listener and the shared one alike. */
export function httpBackendOf(backend: Backend): HttpBackend {
  return { dispatch: backend.dispatch, isSignedIn: backend.isSignedIn, subscribe: (listener) => backend.context.changes.subscribe(listener) };
}

/**
 * Gives a backend its sharing, as both hosts do: the HTTPS listener's handler answers to the
 * shared address as well as loopback's names, and sharing switched on before a restart comes back
 * on (if it cannot, say because the address is gone, it says so and stays off).
 */
export async function shareBackend(backend: Backend, staticDir: string): Promise<SharingHost> {
  const sharing: SharingHost = createSharing({
    certificateDir: backend.context.paths.dataDir,
    clock: backend.context.clock,
    handler: createRequestHandler(httpBackendOf(backend), staticDir, {
      allowedHosts: () => {
        const address = sharing.sharedAddress();
        return address === null ? LOOPBACK_HOSTS : new Set([...LOOPBACK_HOSTS, hostNameOf(address)]);
      },
    }),
  });
  backend.setSharing(sharing);
  const setting = await backend.context.session.use((db) => readSharingSetting(db));
  if (setting.enabled && setting.address !== null) {
    await sharing.apply({ enabled: true, address: setting.address, port: setting.port }).catch((error: unknown) => {
      console.error(`共享未能恢复 / sharing could not resume on ${setting.address}:${setting.port}: ${(error as Error).message}`);
    });
  }
  return sharing;
}

function listenFailure(error: NodeJS.ErrnoException, address: string, port: number): AppFailure {
  if (error.code === 'EADDRINUSE') return new AppFailure('conflict', `端口 ${port} 已被占用，请换一个端口。 / Port ${port} is in use: choose another.`, { port: 'taken' });
  if (error.code === 'EADDRNOTAVAIL') return new AppFailure('invalid_argument', `这台电脑没有地址 ${address}。 / This computer has no address ${address}.`, { address: 'invalid_value' });
  if (error.code === 'EACCES') return new AppFailure('invalid_argument', `没有权限在端口 ${port} 上监听。 / Not allowed to listen on port ${port}.`, { port: 'out_of_range' });
  return new AppFailure('internal', `无法开始共享：${error.message} / Could not start sharing: ${error.message}`);
}
