/**
 * Accounts, sign-in and sharing on the local network: argument schemas here, result types in
 * AuthResults. Merged into the one channel map by ../channels.ts.
 */
import { z } from 'zod';
import { noArgument, recordId, version } from '../schema-parts.ts';

export const ROLES = ['dispatcher', 'lead', 'viewer'] as const;
/** 人事调度 (everything), 班组长 (the roster of their zones from today, repairs, attendance corrections), 只读 (the client's supervisor). */
export type Role = (typeof ROLES)[number];

/** At least 8 characters with a letter and a digit: a hall desktop's password, not a bank's. */
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,72}$/;
const password = z.string().min(8).max(72).regex(PASSWORD_RULE);
const username = z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9_.-]+$/);
const displayName = z.string().trim().min(1).max(40);
const zoneIds = z.array(recordId).max(50);

export const authChannels = {
  /** Public: whether an account exists yet, and who this caller is signed in as. */
  'auth/status': noArgument,
  /** Public, and only while no account exists: the first-run step that creates the dispatcher. */
  'auth/setup': z.strictObject({ username, displayName, password }),
  'auth/signIn': z.strictObject({ username: z.string().trim().min(1).max(32), password: z.string().min(1).max(72) }),
  'auth/signOut': noArgument,
  'auth/changePassword': z.strictObject({ current: z.string().min(1).max(72), next: password }),
  'accounts/list': noArgument,
  'accounts/create': z.strictObject({ username, displayName, role: z.enum(ROLES), zoneIds, password }),
  'accounts/update': z.strictObject({ id: recordId, version, displayName, role: z.enum(ROLES), zoneIds, active: z.boolean() }),
  'accounts/resetPassword': z.strictObject({ id: recordId, password }),
  'sharing/get': noArgument,
  'sharing/set': z.strictObject({
    enabled: z.boolean(),
    /** The network address to listen on: one of this machine's, as sharing/get lists them. */
    address: z.string().trim().min(2).max(45).regex(/^[0-9A-Fa-f:.]+$/),
    port: z.number().int().min(1024).max(65535),
  }),
} satisfies Record<string, z.ZodType>;

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The zones a shift lead answers for; empty for the other roles. */
  zoneIds: number[];
  active: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  version: number;
}

export interface AuthStatus {
  /** False on first run: the app asks for the dispatcher account before anything else. */
  hasAccounts: boolean;
  /** Whether this caller may make the first-run account: only at this machine, never over the sharing address. */
  setupAllowed: boolean;
  account: Account | null;
  /** The channels this account may call, and the settings channels it may change: the UI hides the rest. */
  permissions: { call: string[]; set: string[] };
  centreNameZh: string;
  centreNameEn: string;
  language: 'zh-CN' | 'en';
}

export interface SharingAddress {
  address: string;
  /** The network interface's name (eth0, 以太网 …). */
  interface: string;
  family: 'IPv4' | 'IPv6';
}

export interface SharingStatus {
  enabled: boolean;
  address: string | null;
  port: number;
  /** https://address:port/ while sharing, else null. */
  url: string | null;
  /** SHA-256 of the certificate, for a hall desktop to confirm on first connection. */
  fingerprint: string | null;
  /** This machine's addresses to listen on. */
  addresses: SharingAddress[];
  /** Sharing needs a host that can listen (the desktop or the browser host); null when it can. */
  unavailable: string | null;
}

export interface AuthResults {
  'auth/status': AuthStatus;
  'auth/setup': Account;
  'auth/signIn': Account;
  'auth/signOut': { signedOut: true };
  'auth/changePassword': Account;
  'accounts/list': Account[];
  'accounts/create': Account;
  'accounts/update': Account;
  'accounts/resetPassword': Account;
  'sharing/get': SharingStatus;
  'sharing/set': SharingStatus;
}
