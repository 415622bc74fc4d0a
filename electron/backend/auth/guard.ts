/**
 * The one door every call goes through after its argument is checked: which account is calling
 * (from the session the host holds), whether the role table lets that role make this call, and
 * whether a lead stays within their zones; and, once answered, what of the answer the role may see
 * (the role table's row rules). Refusals are plain data: 'unauthenticated' (sign in),
 * 'forbidden' (not for this role).
 */
import { CHANNEL_ACCESS, mayCall } from '../../contract/access.ts';
import type { Channel } from '../../contract/channels.ts';
import type { DatabaseSession } from '../session.ts';
import type { Clock } from '../clock.ts';
import { todayOf } from '../clock.ts';
import type { Caller, CallState } from './call-context.ts';
import { shapeRows, shapesFor } from './rows.ts';
import { checkLeadScope, forbidden } from './scope.ts';
import { unauthenticated, type AuthService } from './service.ts';

export const ROLE_NAMES = { dispatcher: '调度员 dispatcher', lead: '班组长 shift lead', viewer: '只读 viewer' } as const;

/**
 * Two steps: who is calling and whether their role may call this channel, before the argument is
 * even read (a caller without the right learns nothing from validation); then, once the argument
 * is known good, whether a lead stays within their zones.
 */
export function createGuard(session: DatabaseSession, auth: AuthService, clock: Clock): Guard {
  const identify = async (channel: Channel, argument: unknown, caller: Caller): Promise<CallState> => {
    const access = CHANNEL_ACCESS[channel];
    const resolved = caller.sessionToken === null ? null : await session.use((db) => auth.resolve(db, caller.sessionToken!)).catch((error: unknown) => {
      // A public call with a stale cookie still goes ahead, as nobody.
      if (access.roles === 'public') return null;
      throw error;
    });
    if (access.roles !== 'public' && !resolved) throw unauthenticated('请先登录。 / Please sign in.');
    const account = resolved?.account ?? null;
    if (!mayCall(account?.role ?? null, channel, argument)) {
      throw forbidden(`${ROLE_NAMES[account!.role]} 无权执行此操作（${channel}）。 / The ${account!.role} role may not do this (${channel}).`);
    }
    return { caller, account, sessionHash: resolved?.sessionHash ?? null };
  };
  const scope = async (state: CallState, channel: Channel, argument: unknown): Promise<void> => {
    const leadScope = CHANNEL_ACCESS[channel].leadScope;
    const account = state.account;
    if (account?.role === 'lead' && leadScope) {
      await session.use((db) => checkLeadScope(db, channel, leadScope, argument, account, todayOf(clock)));
    }
  };
  // What the role table lets this account see of the answer: a lead's zones' rows, no redacted field.
  const shape = async (state: CallState, channel: Channel, value: unknown): Promise<unknown> =>
    shapesFor(channel, state.account) ? session.use((db) => shapeRows(db, channel, state.account, value)) : value;
  return { identify, scope, shape };
}

export interface Guard {
  identify(channel: Channel, rawArgument: unknown, caller: Caller): Promise<CallState>;
  scope(state: CallState, channel: Channel, argument: unknown): Promise<void>;
  shape(state: CallState, channel: Channel, value: unknown): Promise<unknown>;
}
