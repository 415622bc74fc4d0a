/**
 * Client mode of the desktop: the command line is read and remembered, and main, pointed at a
 * sharing desktop, opens its HTTPS pages with no preload and trusts only the pinned certificate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { certificateMatches, checkedTarget, isTargetUrl, parseClientArguments, readClientTarget, writeClientTarget } from '../../../electron/main/client-mode.ts';
import { certificateChecks, recorded } from '../../support/fake-electron.ts';

vi.mock('electron', async () => (await import('../../support/fake-electron.ts')).fakeElectron);

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('client mode, read from the command line', () => {
  it('takes --connect with --fingerprint, --local, or nothing', () => {
    expect(parseClientArguments(['electron', '.', '--connect', 'https://192.168.1.20:5443/home', '--fingerprint', FINGERPRINT.toLowerCase()])).toEqual({
      connect: { url: 'https://192.168.1.20:5443/', fingerprint: FINGERPRINT },
    });
    expect(parseClientArguments(['electron', '.', `--connect=https://192.168.1.20:5443/`, `--fingerprint=${FINGERPRINT}`])).toEqual({ connect: { url: 'https://192.168.1.20:5443/', fingerprint: FINGERPRINT } });
    expect(parseClientArguments(['electron', '.', '--local'])).toEqual({ local: true });
    expect(parseClientArguments(['electron', '.'])).toBeNull();
  });

  it('refuses plain HTTP, a malformed address and a fingerprint that is not SHA-256, saying which', () => {
    expect(() => checkedTarget('http://192.168.1.20:5443/', FINGERPRINT)).toThrow(/HTTPS only/);
    expect(() => checkedTarget('not an address', FINGERPRINT)).toThrow(/--connect wants/);
    expect(() => checkedTarget('https://192.168.1.20:5443/', 'AB:CD')).toThrow(/--fingerprint wants/);
  });

  it('remembers the target beside the data file, forgets it for --local, and ignores a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-roster-client-'));
    try {
      expect(readClientTarget(dir)).toBeNull();
      writeClientTarget(dir, { url: 'https://192.168.1.20:5443/', fingerprint: FINGERPRINT });
      expect(readClientTarget(dir)).toEqual({ url: 'https://192.168.1.20:5443/', fingerprint: FINGERPRINT });
      writeClientTarget(dir, null);
      expect(readClientTarget(dir)).toBeNull();
      await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'client.json'), '{ broken'));
      expect(readClientTarget(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('matches a certificate by its SHA-256 only, and stays on the target’s origin', async () => {
    const pems = await generate([{ name: 'commonName', value: 'hall' }], { keyType: 'ec', algorithm: 'sha256' });
    const real = new X509Certificate(pems.cert).fingerprint256;
    expect(certificateMatches(pems.cert, real)).toBe(true);
    expect(certificateMatches(pems.cert, FINGERPRINT)).toBe(false);
    expect(certificateMatches('not a certificate', real)).toBe(false);
    const target = { url: 'https://192.168.1.20:5443/', fingerprint: real };
    expect(isTargetUrl('https://192.168.1.20:5443/api/x', target)).toBe(true);
    expect(isTargetUrl('https://192.168.1.21:5443/', target)).toBe(false);
    expect(isTargetUrl('http://192.168.1.20:5443/', target)).toBe(false);
  });
});

describe('main in client mode', () => {
  let dataDir = '';
  let pem = '';
  let fingerprint = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-client-main-'));
    const pems = await generate([{ name: 'commonName', value: 'hall' }], { keyType: 'ec', algorithm: 'sha256' });
    pem = pems.cert;
    fingerprint = new X509Certificate(pem).fingerprint256;
    process.env.HALL_ROSTER_DATA_DIR = dataDir;
    process.argv.push('--connect', 'https://192.168.1.20:5443/', '--fingerprint', fingerprint);
    await import('../../../electron/main/main.ts');
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });
  });

  afterAll(async () => {
    delete process.env.HALL_ROSTER_DATA_DIR;
    process.argv.splice(process.argv.indexOf('--connect'), 4);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the sharing desktop’s pages, with no preload, and no local backend', () => {
    const window = recorded.windows[0]!;
    expect(window.loaded).toEqual(['https://192.168.1.20:5443/']);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(preferences.preload).toBeUndefined();
    expect(recorded.ipcChannels).toEqual([]);
    expect(readClientTarget(dataDir)).toEqual({ url: 'https://192.168.1.20:5443/', fingerprint });
  });

  it('trusts the pinned certificate of that host and nothing else', async () => {
    expect(certificateChecks).toHaveLength(1);
    const verdict = (hostname: string, data: string) => new Promise<number>((resolve) => certificateChecks[0]!({ hostname, certificate: { data } }, resolve));
    expect(await verdict('192.168.1.20', pem)).toBe(0);
    expect(await verdict('192.168.1.99', pem)).toBe(-2);
    const other = await generate([{ name: 'commonName', value: 'impostor' }], { keyType: 'ec', algorithm: 'sha256' });
    expect(await verdict('192.168.1.20', other.cert)).toBe(-2);
  });
});
