import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { Account, AuthStatus, SharingStatus } from '../../contract/areas/auth.ts';
import type { Queryable } from '../../../data/connection.ts';
import {
  countAccounts,
  deleteSession,
  deleteSessionsOf,
  findAccountByUsername,
  getAccount,
  insertAccount,
  listAccounts,
  setPasswordHash,
  updateAccount,
  type AccountRecord,
} from '../../../data/repositories/accounts.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { getCentre, listZones } from '../../../data/repositories/centre.ts';
import { getSetting } from '../../../data/repositories/settings.ts';
import type { BackendContext } from '../context.ts';
import { currentCall, isLocalCaller } from '../auth/call-context.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { accountView } from '../auth/service.ts';
import { readSharingSetting, writeSharingSetting } from '../sharing-settings.ts';
import { CHANNEL_ACCESS, mayCall } from '../../contract/access.ts';
import { channelNames } from '../../contract/channels.ts';
import type { Role } from '../../contract/areas/auth.ts';

/** Accounts, sign-in and sharing (see electron/contract/areas/auth.ts). */
export function authHandlers(ctx: BackendContext) {
  const now = () => ctx.clock.now().toISOString();
  const audit = (db: Queryable, entityId: number | null, action: string, detail: Record<string, unknown>, actor = ctx.actor) =>
    appendAudit(db, { at: now(), actor, entity: 'account', entityId, action, detail });
  const transaction = <T>(work: (tx: Queryable) => Promise<T>) => ctx.session.use((db) => db.transaction(work));

  return {
    'auth/status': (): Promise<AuthStatus> =>
      ctx.session.use(async (db) => {
        const centre = await getCentre(db);
        const account = currentCall().account;
        return {
          hasAccounts: (await countAccounts(db)) > 0,
          setupAllowed: isLocalCaller(currentCall().caller),
          account: account ? accountView(account) : null,
          permissions: permissionsOf(account?.role ?? null),
          centreNameZh: centre?.nameZh ?? '',
          centreNameEn: centre?.nameEn ?? '',
          language: (await getSetting(db, 'language')) === 'en' ? 'en' : 'zh-CN',
        };
      }),

    'auth/setup': ({ username, displayName, password }: ChannelArgs<'auth/setup'>): Promise<Account> =>
      transaction(async (tx) => {
        // Whoever first reaches an account-less host becomes dispatcher: only at this machine.
        if (!isLocalCaller(currentCall().caller)) {
          throw new AppFailure('forbidden', '首次设置只能在本机进行，不能通过局域网共享地址。 / The first-run step can only be done on this computer, not over the sharing address.');
        }
        if ((await countAccounts(tx)) > 0) {
          throw new AppFailure('conflict', '已有账号：首次设置只能进行一次，请登录。 / Accounts exist already: the first-run step happens once; sign in instead.');
        }
        const id = await insertAccount(tx, { username, displayName, role: 'dispatcher', zoneIds: [], passwordHash: await ctx.auth.hash(password) }, now());
        await audit(tx, id, 'setup', { username, role: 'dispatcher' }, username);
        const grant = await ctx.auth.openSession(tx, id);
        currentCall().caller.onSession?.(grant);
        return accountView((await getAccount(tx, id))!);
      }),

    'auth/signIn': ({ username, password }: ChannelArgs<'auth/signIn'>): Promise<Account> =>
      ctx.session.use(async (db) => {
        const { account, grant } = await ctx.auth.signIn(db, { username, password, remote: currentCall().caller.remote });
        await audit(db, account.id, 'sign_in', { remote: currentCall().caller.remote }, account.username);
        currentCall().caller.onSession?.(grant);
        return accountView(account);
      }),

    'auth/signOut': () =>
      ctx.session.use(async (db) => {
        const { sessionHash } = currentCall();
        if (sessionHash) await deleteSession(db, sessionHash);
        currentCall().caller.onSession?.(null);
        return { signedOut: true as const };
      }),

    'auth/changePassword': ({ current, next }: ChannelArgs<'auth/changePassword'>): Promise<Account> =>
      transaction(async (tx) => {
        const me = await requireSelf(tx);
        if (!(await verifyPassword(current, me.passwordHash))) {
          throw new AppFailure('invalid_argument', '当前密码不正确。 / The current password is wrong.', { current: 'invalid_value' });
        }
        await setPasswordHash(tx, me.id, await ctx.auth.hash(next), now());
        // Other desktops signed in as this account must sign in again with the new password.
        await deleteSessionsOf(tx, me.id, currentCall().sessionHash);
        await audit(tx, me.id, 'change_password', {});
        return accountView((await getAccount(tx, me.id))!);
      }),

    'accounts/list': () => ctx.session.use(async (db) => (await listAccounts(db)).map((account) => accountView(account, ctx.auth.lockedUntil(account.username)))),

    'accounts/create': ({ username, displayName, role, zoneIds, password }: ChannelArgs<'accounts/create'>): Promise<Account> =>
      transaction(async (tx) => {
        await checkZones(tx, role, zoneIds);
        if (await findAccountByUsername(tx, username)) {
          throw new AppFailure('invalid_argument', `用户名 ${username} 已被使用。 / The user name ${username} is taken.`, { username: 'taken' });
        }
        const id = await insertAccount(tx, { username, displayName, role, zoneIds: role === 'lead' ? zoneIds : [], passwordHash: await ctx.auth.hash(password) }, now());
        await audit(tx, id, 'create', { username, displayName, role, zoneIds });
        return accountView((await getAccount(tx, id))!);
      }),

    'accounts/update': ({ id, version, displayName, role, zoneIds, active }: ChannelArgs<'accounts/update'>): Promise<Account> =>
      transaction(async (tx) => {
        const before = await requireAccount(tx, id);
        await checkZones(tx, role, zoneIds);
        await keepOneDispatcher(tx, before, role, active);
        if (!(await updateAccount(tx, id, version, { displayName, role, zoneIds: role === 'lead' ? zoneIds : [], active }, now()))) {
          throw new AppFailure('conflict', '该账号已被他人修改，请刷新后再改。 / This account was changed meanwhile: reload and try again.');
        }
        if (!active || role !== before.role) await deleteSessionsOf(tx, id);
        await audit(tx, id, 'update', { before: accountView(before), after: { displayName, role, zoneIds, active } });
        return accountView((await getAccount(tx, id))!);
      }),

    'accounts/resetPassword': ({ id, password }: ChannelArgs<'accounts/resetPassword'>): Promise<Account> =>
      transaction(async (tx) => {
        const account = await requireAccount(tx, id);
        await setPasswordHash(tx, id, await ctx.auth.hash(password), now());
        ctx.auth.clearLocks(account.username);
        await deleteSessionsOf(tx, id, currentCall().account?.id === id ? currentCall().sessionHash : null);
        await audit(tx, id, 'reset_password', {});
        return accountView((await getAccount(tx, id))!);
      }),

    'sharing/get': (): Promise<SharingStatus> => (ctx.sharing ? ctx.sharing.status() : unavailableSharing(ctx)),

    'sharing/set': (setting: ChannelArgs<'sharing/set'>): Promise<SharingStatus> =>
      ctx.session.use(async (db) => {
        if (!ctx.sharing) return unavailableSharing(ctx);
        // Listening first: a setting that cannot be applied (a port in use) is not stored.
        const status = await ctx.sharing.apply(setting);
        await db.transaction(async (tx) => {
          await writeSharingSetting(tx, setting);
          await appendAudit(tx, { at: now(), actor: ctx.actor, entity: 'sharing', entityId: null, action: setting.enabled ? 'enable' : 'disable', detail: { ...setting } });
        });
        return status;
      }),
  };
}

async function requireSelf(db: Queryable): Promise<AccountRecord> {
  const me = currentCall().account;
  const fresh = me ? await getAccount(db, me.id) : undefined;
  if (!fresh) throw new AppFailure('unauthenticated', '请先登录。 / Please sign in.');
  return fresh;
}

async function requireAccount(db: Queryable, id: number): Promise<AccountRecord> {
  const account = await getAccount(db, id);
  if (!account) throw new AppFailure('not_found', `没有编号为 ${id} 的账号。 / No account with id ${id}.`);
  return account;
}

/** A lead answers for at least one zone, and only zones that exist. */
async function checkZones(db: Queryable, role: AccountRecord['role'], zoneIds: readonly number[]): Promise<void> {
  if (role !== 'lead') return;
  if (zoneIds.length === 0) throw new AppFailure('invalid_argument', '班组长至少要负责一个区域。 / A shift lead answers for at least one zone.', { zoneIds: 'required' });
  const known = new Set((await listZones(db)).map((zone) => zone.id));
  if (zoneIds.some((id) => !known.has(id))) throw new AppFailure('invalid_argument', '区域不存在。 / No such zone.', { zoneIds: 'invalid_value' });
}

/** The last active dispatcher cannot be demoted or disabled: nobody could manage accounts after. */
async function keepOneDispatcher(db: Queryable, before: AccountRecord, role: AccountRecord['role'], active: boolean): Promise<void> {
  if (before.role !== 'dispatcher' || (role === 'dispatcher' && active)) return;
  const others = (await listAccounts(db)).filter((account) => account.id !== before.id && account.role === 'dispatcher' && account.active);
  if (others.length === 0) {
    throw new AppFailure('conflict', '这是唯一在用的调度员账号，不能停用或改为其他角色。 / This is the only active dispatcher account: it cannot be disabled or given another role.');
  }
}

async function unavailableSharing(ctx: BackendContext): Promise<SharingStatus> {
  const setting = await ctx.session.use((db) => readSharingSetting(db));
  return { enabled: false, address: setting.address, port: setting.port, url: null, fingerprint: null, addresses: [], unavailable: '此运行方式不能共享数据。 / This way of running the app cannot share its data.' };
}

/** What the role table lets this role do, for the UI to show only that. */
export function permissionsOf(role: Role | null): AuthStatus['permissions'] {
  const call = channelNames.filter((channel) => mayCall(role, channel, {}));
  const set = call.filter((channel) => CHANNEL_ACCESS[channel].writes === 'when-set' && mayCall(role, channel, { set: {} }));
  return { call, set };
}
