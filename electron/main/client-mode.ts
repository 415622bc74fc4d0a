/**
 * Client mode: a hall desktop runs the app against the dispatcher's shared data instead of its
 * own. It opens the sharing desktop's HTTPS address (the same pages a browser would get) and
 * trusts that host's self-signed certificate only by the fingerprint confirmed when connecting.
 *
 *   npm start -- --connect https://192.168.1.20:5443/ --fingerprint AB:CD:…   (remembered)
 *   npm start -- --local                                                      (back to this desktop's data)
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClientTarget {
  url: string;
  /** SHA-256 of the certificate, as the sharing desktop shows it: "AB:CD:…" (32 pairs). */
  fingerprint: string;
}

const FILE = 'client.json';
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** What the command line asks for: connect to a host, go back to local, or nothing (keep as is). */
export function parseClientArguments(argv: readonly string[]): { connect: ClientTarget } | { local: true } | null {
  if (argv.includes('--local')) return { local: true };
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const url = value('--connect');
  if (url === undefined) return null;
  const fingerprint = (value('--fingerprint') ?? '').toUpperCase();
  return { connect: checkedTarget(url, fingerprint) };
}

/** A target that is an https:// address and a SHA-256 fingerprint, or an error saying which is wrong. */
export function checkedTarget(url: string, fingerprint: string): ClientTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--connect 需要共享电脑显示的访问地址，如 https://192.168.1.20:5443/ / --connect wants the sharing desktop's address, like https://192.168.1.20:5443/ (got "${url}")`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`客户端只通过 HTTPS 连接 / client mode connects over HTTPS only (got "${url}")`);
  if (!FINGERPRINT.test(fingerprint)) {
    throw new Error('--fingerprint 需要共享电脑显示的 SHA-256 证书指纹（32 组两位十六进制） / --fingerprint wants the SHA-256 fingerprint the sharing desktop shows (32 pairs of hex digits)');
  }
  return { url: `${parsed.origin}/`, fingerprint };
}

export function readClientTarget(userDataDir: string): ClientTarget | null {
  const path = join(userDataDir, FILE);
  if (!existsSync(path)) return null;
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { url?: unknown; fingerprint?: unknown };
    return checkedTarget(String(stored.url), String(stored.fingerprint));
  } catch {
    // A damaged file is no reason to connect anywhere: this desktop opens its own data.
    return null;
  }
}

export function writeClientTarget(userDataDir: string, target: ClientTarget | null): void {
  const path = join(userDataDir, FILE);
  if (target === null) rmSync(path, { force: true });
  else writeFileSync(path, JSON.stringify(target, null, 2));
}

/**
 * Whether the certificate Electron hands over (its PEM data) is the pinned one: its SHA-256, as
 * the sharing desktop showed it.
 */
export function certificateMatches(certificatePem: string, pinned: string): boolean {
  try {
    return new X509Certificate(certificatePem).fingerprint256 === pinned.toUpperCase();
  } catch {
    return false;
  }
}

/** Pages of the connected host may be navigated between; nothing else. */
export function isTargetUrl(url: string, target: ClientTarget): boolean {
  try {
    return new URL(url).origin === new URL(target.url).origin;
  } catch {
    return false;
  }
}
