/**
 * The browser host's request handling: static files of the built renderer, `POST /api/<channel>`
 * answered by the same dispatch as the desktop's IPC, and `GET /api/events`, the stream of changes
 * made by everyone else. The session lives in an HttpOnly, SameSite=Strict cookie the page's script
 * never sees; a cross-site page can neither send it nor read an answer.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { extname, join, normalize, sep } from 'node:path';
import { callByteLimit, DEFAULT_CALL_BYTES } from '../contract/validate.ts';
import type { Envelope } from '../contract/errors.ts';
import type { Dispatch, ChangeEvent } from '../backend/dispatch.ts';
import type { Caller, SessionGrant } from '../backend/auth/call-context.ts';
import { CONTENT_SECURITY_POLICY } from '../contract/security.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SESSION_COOKIE = 'hall_roster_session';

/** Host names a loopback server answers to; anything else is a DNS-rebinding attempt. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A comment line keeps idle event streams open through proxies and sleeping laptops. */
const HEARTBEAT_MS = 25_000;

/** What the handler needs of the backend. */
export interface HttpBackend {
  dispatch: Dispatch;
  /** Whether a session token is live (an event stream is for signed-in pages only). */
  isSignedIn(token: string): Promise<boolean>;
  subscribe(listener: (change: ChangeEvent) => void): () => void;
}

export interface HandlerOptions {
  /** The host names this listener answers to (loopback, or the sharing address as well). */
  allowedHosts: () => ReadonlySet<string>;
}

export function createRequestHandler(backend: HttpBackend, staticDir: string, options: HandlerOptions = { allowedHosts: () => LOOPBACK_HOSTS }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      if (!options.allowedHosts().has(hostName(request.headers.host))) return sendText(response, 421, 'Misdirected request');
      const url = requestUrl(request.url);
      if (url === null) return sendText(response, 400, 'Malformed URL');
      if (url.pathname === '/api/events') return await streamChanges(request, response, backend);
      if (url.pathname.startsWith('/api/')) return await handleApi(request, response, url, backend);
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
      await serveStatic(response, staticDir, url.pathname);
    } catch (error) {
      // A path that is not valid percent-encoding (/api/%E0%A4%A) is the caller's mistake, not ours.
      if (error instanceof URIError) {
        if (!response.headersSent) sendText(response, 400, 'Malformed URL');
        return;
      }
      console.error('[serve] request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'Internal error');
    }
  };
}

async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, backend: HttpBackend) {
  if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
  // A cross-site form or fetch cannot send JSON without a preflight we never grant, and a page
  // from another origin announces itself in Origin: refuse both.
  if (!isJsonContentType(request.headers['content-type'])) {
    return sendEnvelope(response, 415, failure('invalid_argument', '请求必须是 application/json。 / Requests must be application/json.'));
  }
  if (!isSameOrigin(request)) return sendEnvelope(response, 403, failure('forbidden_sender', 'Cross-site request refused'));
  // The channel first, from the URL: it says how large a body may be before a byte of it is read.
  const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
  const token = sessionTokenOf(request);
  const channelLimit = callByteLimit(channel);
  // Only signed-in callers reach the channels that take files and long lists; for anyone else every
  // channel they may call (status, first run, sign-in) is small, and so is what they may send.
  const signedIn = channelLimit <= DEFAULT_CALL_BYTES || (token !== null && (await backend.isSignedIn(token)));
  const limit = signedIn ? channelLimit : DEFAULT_CALL_BYTES;
  const body = await readBody(request, limit);
  if (body === null) {
    // A file from someone whose session has lapsed: what the dispatch would tell them, unread.
    if (!signedIn && !(Number(request.headers['content-length']) > channelLimit)) {
      return refuseUnread(request, response, 200, { ok: false, error: { code: 'unauthenticated', message: '请先登录。 / Please sign in.' } });
    }
    const kib = Math.floor(channelLimit / 1024);
    return refuseUnread(request, response, 413, failure('invalid_argument', `请求过大：此操作最多接受 ${kib} KB。 / The request is too large: this call takes at most ${kib} KB.`));
  }
  let argument: unknown;
  try {
    argument = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendEnvelope(response, 400, failure('invalid_argument', 'Request body is not valid JSON'));
  }
  let granted: SessionGrant | null | undefined;
  const caller: Caller = {
    sessionToken: token,
    remote: request.socket.remoteAddress ?? 'unknown',
    // Only the sharing listener speaks TLS; the loopback one is plain HTTP.
    overSharing: isSecure(request),
    onSession: (session) => {
      granted = session;
    },
  };
  const envelope = await backend.dispatch(channel, argument, caller);
  const cookie = granted === undefined ? undefined : sessionCookie(granted, isSecure(request));
  sendEnvelope(response, 200, envelope, cookie ? { 'set-cookie': cookie } : {});
}

/**
 * application/json, alone or with `charset=utf-8`, in any case: nothing else. A prefix match let
 * `application/jsonp` and `application/json-whatever` through.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset=("?)utf-8\1$/.test(parameter));
}

/**
 * An answer to a body that is not read: the answer says the connection closes, and the socket goes
 * once it is written, so the rest of the body is never taken in.
 */
function refuseUnread(request: IncomingMessage, response: ServerResponse, status: number, envelope: Envelope<never>) {
  sendEnvelope(response, status, envelope, { connection: 'close' });
  response.once('finish', () => {
    // A moment for the answer to reach the caller before the connection is cut.
    setTimeout(() => request.socket.destroy(), 100).unref();
  });
}

/** Server-sent events: one `change` event per change anyone made, for signed-in pages only. */
async function streamChanges(request: IncomingMessage, response: ServerResponse, backend: HttpBackend) {
  if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed');
  if (!isSameOrigin(request)) return sendText(response, 403, 'Cross-site request refused');
  const token = sessionTokenOf(request);
  if (token === null || !(await backend.isSignedIn(token))) return sendText(response, 401, 'Sign in first');
  response.writeHead(200, { ...securityHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': connected\n\n');
  const unsubscribe = backend.subscribe((change) => response.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** The request's path as a URL, or null when it is not one (`//[`): the caller's mistake, a 400. */
function requestUrl(path: string | undefined): URL | null {
  try {
    return new URL(path ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** The Host header's name without its port ("[::1]" keeps its brackets). */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : (hostHeader.split(':')[0] ?? '');
}

function isSecure(request: IncomingMessage): boolean {
  return (request.socket as TLSSocket).encrypted === true;
}

function sessionTokenOf(request: IncomingMessage): string | null {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    // A cookie that is not valid percent-encoding is no session (and not a malformed URL).
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A cookie for the browser's session only (no Max-Age: it ends with the browser); the backend lets
 * the session lapse when idle. Secure whenever it travels over HTTPS (sharing on the network).
 */
export function sessionCookie(grant: SessionGrant | null, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  if (grant === null) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ');
  return [`${SESSION_COOKIE}=${encodeURIComponent(grant.token)}`, ...attributes].join('; ');
}

function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * The body as text, or null as soon as it is known to pass `limit`: a Content-Length past it is
 * refused before anything is read, and a body sent without one is counted as it comes and dropped
 * the moment it passes.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.pause();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      chunks.length = 0;
      resolve(null);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function serveStatic(response: ServerResponse, staticDir: string, pathname: string) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const filePath = join(staticDir, relative === '' ? 'index.html' : relative);
  if (!filePath.startsWith(staticDir + sep) && filePath !== staticDir) return sendText(response, 404, 'Not found');
  const content = await readFile(filePath).catch(() => null);
  // Unknown paths fall back to the app, which shows its own areas.
  const served = content ?? (extname(filePath) === '' ? await readFile(join(staticDir, 'index.html')).catch(() => null) : null);
  if (!served) return sendText(response, 404, 'Not found');
  const type = content ? (CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream') : CONTENT_TYPES['.html']!;
  response.writeHead(200, { ...securityHeaders(), 'content-type': type, 'cache-control': 'no-cache' });
  response.end(served);
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}

function failure(code: 'invalid_argument' | 'forbidden_sender', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendEnvelope(response: ServerResponse, status: number, envelope: Envelope<unknown>, extra: Record<string, string> = {}) {
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  response.end(JSON.stringify(envelope));
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
