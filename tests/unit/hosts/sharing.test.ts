import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { request as httpsRequest } from 'node:https';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/serve/server.ts';
import { fixedClock } from '../../../electron/backend/clock.ts';
import { withTempDir } from '../../support/temp.ts';
import { withBrowserHost } from '../../support/browser-host.ts';

/** Another address of this machine than the loopback host's 127.0.0.1: Linux answers all of 127/8. */
const HALL_ADDRESS = '127.0.0.2';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: URL, options: { method?: string; headers?: Record<string, string>; body?: string; fingerprint?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const done = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    };
    const req = secure
      ? httpsRequest(url, {
          method: options.method ?? 'GET',
          headers: options.headers,
          // A hall desktop trusts this host by its fingerprint, confirmed once, not by a public CA.
          rejectUnauthorized: false,
          checkServerIdentity: () => undefined,
        }, (res) => {
          const peer = (res.socket as TLSSocket).getPeerCertificate();
          if (options.fingerprint && peer.fingerprint256 !== options.fingerprint) reject(new Error(`certificate ${peer.fingerprint256} is not ${options.fingerprint}`));
          else done(res);
        })
      : httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, done);
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

async function withHost(work: (host: BrowserHost, cookie: string) => Promise<void>) {
  await withBrowserHost(async (host) => {
    const setUp = await send(new URL('/api/auth%2Fsetup', host.url), { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', displayName: '调度员', password: 'dispatch-2026' }) });
    await work(host, String([setUp.headers['set-cookie']].flat()[0]).split(';')[0]!);
  });
}

/** Whether anything accepts a TCP connection at address:port. */
function listening(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, never readable by the page, and cleared on sign-out', () =>
    withHost(async (host) => {
      const signIn = await send(new URL('/api/auth%2FsignIn', host.url), { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', password: 'dispatch-2026' }) });
      const cookie = String([signIn.headers['set-cookie']].flat()[0]);
      expect(cookie).toMatch(/^hall_roster_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
      // The page learns who it is, never the token.
      expect(signIn.body).not.toContain(cookie.split(';')[0]!.split('=')[1]);
      const token = cookie.split(';')[0]!;
      const out = await send(new URL('/api/auth%2FsignOut', host.url), { method: 'POST', headers: { ...json, cookie: token }, body: '{}' });
      expect(String([out.headers['set-cookie']].flat()[0])).toMatch(/^hall_roster_session=; Max-Age=0;/);
      const after = await send(new URL('/api/centre%2Fget', host.url), { method: 'POST', headers: { ...json, cookie: token }, body: '{}' });
      expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }));
});

describe('changes reach every page', () => {
  it('streams another client’s change to a signed-in page as a server-sent event, and refuses the stream without a session', () =>
    withHost(async (host, cookie) => {
      const refused = await send(new URL('/api/events', host.url));
      expect(refused.status).toBe(401);
      const received = new Promise<string>((resolve, reject) => {
        const req = httpRequest(new URL('/api/events', host.url), { headers: { cookie } }, (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: change')) {
              req.destroy();
              resolve(text);
            }
          });
        });
        req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
        req.end();
      });
      // Once the stream is open, another page changes a setting.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const change = await send(new URL('/api/settings%2FsetLanguage', host.url), { method: 'POST', headers: { ...json, cookie }, body: '{"language":"en"}' });
      expect(JSON.parse(change.body).ok).toBe(true);
      const stream = await received;
      const data = JSON.parse(/data: (.*)/.exec(stream)![1]!);
      expect(data).toEqual({ channel: 'settings/setLanguage', actor: 'dispatcher', at: new Date('2026-11-22T10:00:00').toISOString(), rosterId: null });
    }));
});

describe('sharing on the local network', () => {
  it('listens on loopback only while sharing is off', () =>
    withHost(async (host, cookie) => {
      const port = Number(new URL(host.url).port);
      expect(new URL(host.url).hostname).toBe('127.0.0.1');
      expect(await listening(HALL_ADDRESS, port)).toBe(false);
      const status = await send(new URL('/api/sharing%2Fget', host.url), { method: 'POST', headers: { ...json, cookie }, body: '{}' });
      expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { enabled: false, url: null, fingerprint: null, unavailable: null } });
    }));

  it('serves HTTPS on the chosen address with a certificate whose fingerprint it shows, refuses plain HTTP there, and stops when switched off', () =>
    withHost(async (host, cookie) => {
      const free = await freePort();
      const on = JSON.parse((await send(new URL('/api/sharing%2Fset', host.url), { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ enabled: true, address: HALL_ADDRESS, port: free }) })).body);
      expect(on).toMatchObject({ ok: true, value: { enabled: true, address: HALL_ADDRESS, port: free, url: `https://${HALL_ADDRESS}:${free}/` } });
      const fingerprint: string = on.value.fingerprint;
      expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

      // A hall desktop: HTTPS to the shared address, the fingerprint it was told, then sign in.
      const shared = new URL(on.value.url);
      const page = await send(shared, { fingerprint });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>app</title>');
      const anonymous = await send(new URL('/api/centre%2Fget', shared), { method: 'POST', headers: json, body: '{}', fingerprint });
      expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      // The hall's desktops are never offered the first-run step; this machine is.
      const hallStatus = await send(new URL('/api/auth%2Fstatus', shared), { method: 'POST', headers: json, body: '{}', fingerprint });
      expect(JSON.parse(hallStatus.body)).toMatchObject({ ok: true, value: { setupAllowed: false } });
      const localStatus = await send(new URL('/api/auth%2Fstatus', host.url), { method: 'POST', headers: json, body: '{}' });
      expect(JSON.parse(localStatus.body)).toMatchObject({ ok: true, value: { setupAllowed: true } });
      // The certificate and its key are this user's alone.
      for (const file of ['sharing-key.pem', 'sharing-cert.pem']) {
        expect(statSync(join(host.backend.context.paths.dataDir, file)).mode & 0o777, file).toBe(0o600);
      }
      const signIn = await send(new URL('/api/auth%2FsignIn', shared), { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', password: 'dispatch-2026' }), fingerprint });
      const hallCookie = String([signIn.headers['set-cookie']].flat()[0]);
      expect(hallCookie).toMatch(/; Secure$/);
      const centre = await send(new URL('/api/centre%2Fget', shared), { method: 'POST', headers: { ...json, cookie: hallCookie.split(';')[0]! }, body: '{}', fingerprint });
      expect(JSON.parse(centre.body)).toMatchObject({ ok: true });
      // A cross-site page in the hall is refused like on loopback.
      const crossSite = await send(new URL('/api/centre%2Fget', shared), { method: 'POST', headers: { ...json, cookie: hallCookie.split(';')[0]!, origin: 'https://evil.example' }, body: '{}', fingerprint });
      expect(crossSite.status).toBe(403);

      // Plain HTTP from another address gets no answer from the app: the port speaks TLS only.
      await expect(send(new URL(`http://${HALL_ADDRESS}:${free}/api/centre%2Fget`), { method: 'POST', headers: json, body: '{}' })).rejects.toThrow();
      // The loopback listener still refuses the shared address's name (no way round HTTPS).
      const sideDoor = await send(new URL('/', host.url), { headers: { host: `${HALL_ADDRESS}:${free}` } });
      expect(sideDoor.status).toBe(421);

      const off = JSON.parse((await send(new URL('/api/sharing%2Fset', host.url), { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ enabled: false, address: HALL_ADDRESS, port: free }) })).body);
      expect(off).toMatchObject({ ok: true, value: { enabled: false, url: null } });
      expect(await listening(HALL_ADDRESS, free)).toBe(false);
    }));

  it('comes back after a restart with the same certificate, and says plainly when an address is not this machine’s', async () => {
    await withTempDir(async (dir) => {
      const staticDir = join(dir, 'renderer');
      await mkdir(staticDir);
      await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
      const start = () => startBrowserHost({ port: 0, dataDir: join(dir, 'data'), staticDir, clock: fixedClock('2026-11-22T10:00:00'), authPolicy: { scryptCost: 2 ** 10 } });
      const free = await freePort();
      let host = await start();
      const setUp = await send(new URL('/api/auth%2Fsetup', host.url), { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', displayName: '调度员', password: 'dispatch-2026' }) });
      let cookie = String([setUp.headers['set-cookie']].flat()[0]).split(';')[0]!;
      const nowhere = JSON.parse((await send(new URL('/api/sharing%2Fset', host.url), { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ enabled: true, address: '203.0.113.9', port: free }) })).body);
      expect(nowhere).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('这台电脑没有地址 203.0.113.9') } });
      const first = JSON.parse((await send(new URL('/api/sharing%2Fset', host.url), { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ enabled: true, address: HALL_ADDRESS, port: free }) })).body);
      await host.close();

      host = await start();
      try {
        const signIn = await send(new URL('/api/auth%2FsignIn', host.url), { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', password: 'dispatch-2026' }) });
        cookie = String([signIn.headers['set-cookie']].flat()[0]).split(';')[0]!;
        const again = JSON.parse((await send(new URL('/api/sharing%2Fget', host.url), { method: 'POST', headers: { ...json, cookie }, body: '{}' })).body);
        expect(again.value).toMatchObject({ enabled: true, fingerprint: first.value.fingerprint });
        expect((await send(new URL(`https://${HALL_ADDRESS}:${free}/`), { fingerprint: first.value.fingerprint })).status).toBe(200);
      } finally {
        await host.close();
      }
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, HALL_ADDRESS, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
