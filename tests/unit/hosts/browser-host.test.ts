import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, portFromEnvironment, type BrowserHost } from '../../../electron/serve/server.ts';
import { withBrowserHost } from '../../support/browser-host.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, host.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

/** The first-run step over HTTP; returns the Cookie header the host set for the new dispatcher. */
async function setUpDispatcher(host: BrowserHost): Promise<string> {
  const reply = await send(host, '/api/auth%2Fsetup', { method: 'POST', headers: json, body: JSON.stringify({ username: 'dispatcher', displayName: '调度员', password: 'dispatch-2026' }) });
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  const cookie = String([reply.headers['set-cookie']].flat()[0] ?? '');
  return cookie.split(';')[0]!;
}

async function withHost(work: (host: BrowserHost) => Promise<void>) {
  await withBrowserHost(async (host) => {
    await work(host);
  });
}

describe('browser host', () => {
  it('listens on loopback only', () =>
    withHost(async (host) => {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    }));

  it('answers POST /api/<channel> with the same envelopes as IPC, once signed in', () =>
    withHost(async (host) => {
      const anonymous = await send(host, '/api/settings%2Fget', { method: 'POST', headers: json, body: '{}' });
      expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      const cookie = await setUpDispatcher(host);
      const ok = await send(host, '/api/settings%2Fget', { method: 'POST', headers: { ...json, cookie }, body: '{}' });
      expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { language: 'zh-CN' } });
      const bad = await send(host, '/api/staff%2Fget', { method: 'POST', headers: { ...json, cookie }, body: '{"id":"x"}' });
      expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: { id: 'invalid_type' } } });
      const unknown = await send(host, '/api/staff%2Fdrop', { method: 'POST', headers: json, body: '{}' });
      expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }));

  it('refuses a cross-site request and a form post, even with the session cookie', () =>
    withHost(async (host) => {
      const cookie = await setUpDispatcher(host);
      const crossSite = await send(host, '/api/settings%2FsetLanguage', { method: 'POST', headers: { ...json, cookie, origin: 'https://evil.example' }, body: '{"language":"en"}' });
      expect(crossSite.status).toBe(403);
      const form = await send(host, '/api/settings%2FsetLanguage', { method: 'POST', headers: { 'content-type': 'text/plain', cookie }, body: '{"language":"en"}' });
      expect(form.status).toBe(415);
      const settings = await send(host, '/api/settings%2Fget', { method: 'POST', headers: { ...json, cookie }, body: '{}' });
      expect(JSON.parse(settings.body).value.language).toBe('zh-CN');
    }));

  it('refuses a foreign Host header (DNS rebinding)', () =>
    withHost(async (host) => {
      const reply = await send(host, '/', { headers: { host: 'attacker.example:5180' } });
      expect(reply.status).toBe(421);
    }));

  it('refuses malformed and oversized bodies clearly', () =>
    withHost(async (host) => {
      const broken = await send(host, '/api/staff%2Flist', { method: 'POST', headers: json, body: '{"' });
      expect(broken.status).toBe(400);
      expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
      const huge = await send(host, '/api/staff%2Flist', { method: 'POST', headers: json, body: `{"x":"${'a'.repeat(10_100_000)}"}` });
      expect(huge.status).toBe(413);
    }));

  it('serves the renderer with a strict content security policy and no path escapes', () =>
    withHost(async (host) => {
      const page = await send(host, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>app</title>');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const escape = await send(host, '/..%2f..%2fdata%2fcentre.sqlite3');
      expect(escape.body).not.toContain('SQLite format');
    }));

  it('reads PORT, refusing nonsense', () => {
    expect(portFromEnvironment(undefined)).toBe(5180);
    expect(portFromEnvironment('0')).toBe(0);
    expect(portFromEnvironment('8080')).toBe(8080);
    expect(() => portFromEnvironment('eighty')).toThrow(/PORT/);
    expect(() => portFromEnvironment('70000')).toThrow(/PORT/);
  });

  it('freezes its clock when HALL_ROSTER_CLOCK says so, refusing nonsense', () => {
    expect(clockFromEnvironment(undefined)).toBeUndefined();
    expect(clockFromEnvironment('2026-11-22T10:00:00')?.now().getDate()).toBe(22);
    expect(() => clockFromEnvironment('tomorrow')).toThrow(/HALL_ROSTER_CLOCK/);
  });
});
