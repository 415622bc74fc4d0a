/**
 * Bounded requests over HTTP: a body past its channel's limit is refused with 413 before it is read
 * to the end or parsed, while everyone else is answered as usual; a flood of unknown keys gets a
 * short refusal; a malformed URL is the caller's mistake (400); only JSON is JSON; and sharing
 * never listens on every interface.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler, isJsonContentType, type HttpBackend } from '../../../electron/serve/http-api.ts';
import type { BrowserHost } from '../../../electron/serve/server.ts';
import { sharingAddressProblem } from '../../../electron/backend/sharing-settings.ts';
import { callByteLimit, DEFAULT_CALL_BYTES } from '../../../electron/contract/validate.ts';
import { withBrowserHost } from '../../support/browser-host.ts';

interface Reply {
  status: number;
  body: string;
}

const json = { 'content-type': 'application/json' };

function send(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: options.method ?? 'POST', headers: options.headers }, (res) => collect(res).then(resolve, reject));
    req.on('error', reject);
    req.end(options.body);
  });
}

function collect(res: IncomingMessage): Promise<Reply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * Uploads `total` bytes of a JSON body a chunk at a time, waiting a moment between chunks, and stops
 * as soon as an answer comes: how much was sent by then says whether the host waited for it all.
 */
function slowUpload(base: string, path: string, options: { total: number; declareLength: boolean; headers?: Record<string, string>; chunkBytes?: number }): Promise<Reply & { sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { ...json, ...options.headers, ...(options.declareLength ? { 'content-length': String(options.total) } : {}) };
    const req = request(new URL(path, base), { method: 'POST', headers }, (res) => {
      answered = true;
      void collect(res).then((reply) => {
        req.destroy();
        resolve({ ...reply, sent });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(options.chunkBytes ?? 16 * 1024, 'a');
    const step = () => {
      if (answered || req.destroyed) return;
      if (sent >= options.total) return void req.end();
      const part = chunk.subarray(0, Math.min(chunk.length, options.total - sent));
      sent += part.length;
      req.write(sent === part.length ? Buffer.concat([Buffer.from('{"x":"'), part.subarray(6)]) : part);
      setTimeout(step, 5);
    };
    step();
  });
}

describe('a body past its channel’s limit', () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    server = null;
  });

  /** The real request handler over a backend that counts what reaches it. */
  async function countingHost(): Promise<{ base: string; dispatched: string[] }> {
    const dispatched: string[] = [];
    const backend: HttpBackend = {
      dispatch: async (channel) => (dispatched.push(String(channel)), { ok: true, value: 'answered' }),
      isSignedIn: async (token) => token === 'good-token',
      subscribe: () => () => undefined,
    };
    server = createServer(createRequestHandler(backend, '/nonexistent'));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, dispatched };
  }

  it('is refused by its Content-Length before the body is read, and never reaches the dispatch', async () => {
    const { base, dispatched } = await countingHost();
    const reply = await slowUpload(base, '/api/staff%2Flist', { total: 5_000_000, declareLength: true });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('请求过大') } });
    // Answered before the body even reached the limit: the declared length was enough.
    expect(reply.sent).toBeLessThan(DEFAULT_CALL_BYTES);
    expect(dispatched).toEqual([]);
  });

  it('is refused as it streams without a length, the moment it passes the limit', async () => {
    const { base, dispatched } = await countingHost();
    const reply = await slowUpload(base, '/api/staff%2Flist', { total: 5_000_000, declareLength: false });
    expect(reply.status).toBe(413);
    expect(reply.sent).toBeGreaterThan(DEFAULT_CALL_BYTES);
    expect(reply.sent).toBeLessThan(DEFAULT_CALL_BYTES + 512 * 1024);
    expect(dispatched).toEqual([]);
  });

  it('takes a file channel’s larger limit only from a signed-in caller: anonymous, it is the small default', async () => {
    const { base, dispatched } = await countingHost();
    // A file from a caller with no session (or a lapsed one) is told to sign in, and not read.
    const anonymous = await slowUpload(base, '/api/transfer%2Fcheck', { total: 2_000_000, declareLength: true });
    expect(anonymous).toMatchObject({ status: 200, sent: expect.any(Number) });
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('请先登录') } });
    expect(anonymous.sent).toBeLessThan(DEFAULT_CALL_BYTES);
    const forged = await slowUpload(base, '/api/transfer%2Fcheck', { total: 2_000_000, declareLength: false, headers: { cookie: 'hall_roster_session=forged' } });
    expect(JSON.parse(forged.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(forged.sent).toBeLessThan(DEFAULT_CALL_BYTES + 512 * 1024);
    // Past the channel's own limit, anonymous or not, it is too large.
    const huge = await slowUpload(base, '/api/transfer%2Fcheck', { total: 9_000_000, declareLength: true });
    expect(huge.status).toBe(413);
    expect(dispatched).toEqual([]);
    const body = JSON.stringify({ fileName: 'staff.csv', base64: 'A'.repeat(200_000) });
    const signedIn = await send(base, '/api/transfer%2Fcheck', { headers: { ...json, cookie: 'hall_roster_session=good-token' }, body });
    expect(signedIn.status).toBe(200);
    expect(dispatched).toEqual(['transfer/check']);
    expect(callByteLimit('transfer/check')).toBeGreaterThan(8_000_000);
  });
});

async function withHost(work: (host: BrowserHost, cookie: string) => Promise<void>) {
  await withBrowserHost(async (host) => {
    const setUp = await new Promise<string>((resolve, reject) => {
      const req = request(new URL('/api/auth%2Fsetup', host.url), { method: 'POST', headers: json }, (res) => {
        res.resume();
        resolve(String([res.headers['set-cookie']].flat()[0]).split(';')[0]!);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'dispatcher', displayName: '调度员', password: 'dispatch-2026' }));
    });
    await work(host, setUp);
  });
}

describe('the browser host under a large anonymous request', () => {
  it('refuses it with 413 while a signed-in call made meanwhile is answered as usual', () =>
    withHost(async (host, cookie) => {
      let uploadAnswered = false;
      // 4 KiB every 5 ms: the upload is still going when the other call is made and answered.
      const upload = slowUpload(host.url, '/api/auth%2FsignIn', { total: 9_900_000, declareLength: false, chunkBytes: 4096 }).finally(() => (uploadAnswered = true));
      await new Promise((resolve) => setTimeout(resolve, 15));
      const meanwhile = await send(host.url, '/api/centre%2Fget', { headers: { ...json, cookie }, body: '{}' });
      expect(uploadAnswered).toBe(false);
      expect(meanwhile.status).toBe(200);
      expect(JSON.parse(meanwhile.body)).toMatchObject({ ok: true, value: { nameZh: expect.any(String) } });
      const refused = await upload;
      expect(refused.status).toBe(413);
      expect(refused.sent).toBeLessThan(1_000_000);
      // And the host still answers everyone after.
      expect(JSON.parse((await send(host.url, '/api/auth%2Fstatus', { headers: { ...json, cookie }, body: '{}' })).body)).toMatchObject({ ok: true });
    }));

  it('answers a flood of 600,000 unknown keys with a short refusal', () =>
    withHost(async (host, cookie) => {
      const keys: string[] = [];
      for (let index = 0; index < 600_000; index += 1) keys.push(`"k${index}":1`);
      const body = `{"fileName":"staff.csv","base64":"QQ==",${keys.join(',')}}`;
      expect(body.length).toBeLessThan(callByteLimit('transfer/check'));
      const reply = await send(host.url, '/api/transfer%2Fcheck', { headers: { ...json, cookie }, body });
      expect(reply.status).toBe(200);
      const envelope = JSON.parse(reply.body);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(envelope.error.message).toContain('600000');
      expect(reply.body.length).toBeLessThan(600);
      // Anonymous, the same body does not get that far: it is past the small limit, and not read.
      expect(JSON.parse((await send(host.url, '/api/transfer%2Fcheck', { headers: json, body })).body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }));

  it('answers a malformed URL with 400, on the API and for files alike', () =>
    withHost(async (host) => {
      expect((await send(host.url, '/api/%E0%A4%A', { headers: json, body: '{}' })).status).toBe(400);
      expect((await send(host.url, '/%E0%A4%A', { method: 'GET' })).status).toBe(400);
      // A session cookie that is not valid percent-encoding is no session, not a malformed URL.
      expect(JSON.parse((await send(host.url, '/api/centre%2Fget', { headers: { ...json, cookie: 'hall_roster_session=%E0%A4%A' }, body: '{}' })).body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      // The host is not hurt by it.
      expect((await send(host.url, '/', { method: 'GET' })).status).toBe(200);
    }));

  it('takes application/json, with charset=utf-8 in any case, and nothing that merely starts like it', () =>
    withHost(async (host, cookie) => {
      for (const type of ['application/jsonp', 'application/json-seq', 'application/jsonx; charset=utf-8', 'application/json; charset=latin1', 'text/plain']) {
        expect((await send(host.url, '/api/centre%2Fget', { headers: { 'content-type': type, cookie }, body: '{}' })).status, type).toBe(415);
      }
      for (const type of ['application/json', 'Application/JSON; charset=UTF-8', 'application/json;charset="utf-8"']) {
        expect((await send(host.url, '/api/centre%2Fget', { headers: { 'content-type': type, cookie }, body: '{}' })).status, type).toBe(200);
      }
    }));
});

describe('the JSON content type', () => {
  it('is matched exactly', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType(undefined)).toBe(false);
    expect(isJsonContentType('application/jsonp')).toBe(false);
    expect(isJsonContentType('application/json; boundary=x')).toBe(false);
  });
});

describe('sharing on a wildcard address', () => {
  it('is refused in the user’s words, and nothing starts listening', () =>
    withHost(async (host, cookie) => {
      for (const address of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0']) {
        const reply = JSON.parse((await send(host.url, '/api/sharing%2Fset', { headers: { ...json, cookie }, body: JSON.stringify({ enabled: true, address, port: 5544 }) })).body);
        expect(reply, address).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: { address: 'invalid_value' }, message: expect.stringContaining('所有网络接口') } });
      }
      const status = JSON.parse((await send(host.url, '/api/sharing%2Fget', { headers: { ...json, cookie }, body: '{}' })).body);
      expect(status).toMatchObject({ ok: true, value: { enabled: false, url: null } });
    }));

  it('accepts one specific address and refuses broadcast, multicast and what is no address', () => {
    for (const address of ['192.168.1.20', '10.0.0.5', '127.0.0.2', 'fe80::1', '2001:db8::7', '::ffff:192.168.1.20']) expect(sharingAddressProblem(address), address).toBeNull();
    for (const address of ['255.255.255.255', '224.0.0.1', 'ff02::1', '0', '1.2.3']) expect(sharingAddressProblem(address), address).toEqual(expect.any(String));
    expect(sharingAddressProblem('::')).toContain('every network interface');
  });
});
