/**
 * Who may call what: one row per channel of the contract, enforced by the backend on every call
 * (the UI reads the same table only to hide what would be refused). A channel missing from the
 * table fails to compile, and a test walks every row for every role.
 *
 * - dispatcher (人事调度): everything.
 * - lead (班组长): reads what the hall runs on; edits the roster of their own zones from today on,
 *   repairs it, corrects attendance and records leave for their zones' people. Not staff records,
 *   pay, costs or settings.
 * - viewer (只读, e.g. the client's supervisor): reads the rosters, the on-duty rate and the client's
 *   report; nothing personal (full resident IDs, leave, punches) and nothing about pay.
 */
import type { Channel } from './channels.ts';
import type { Role } from './areas/auth.ts';

export interface ChannelAccess {
  /** Who may call it; 'public' needs no sign-in (the first-run step, signing in, the app's facts). */
  roles: readonly Role[] | 'public';
  /**
   * Whether it changes data: changes are announced to every open client. 'when-set' channels read
   * their settings when called without `set` and change them with it, which `setRoles` may do.
   */
  writes: boolean | 'when-set';
  setRoles?: readonly Role[];
  /** A lead may call it only within their zones: a roster of one of them, a person of one of them. */
  leadScope?: 'roster' | 'person';
}

const ALL: readonly Role[] = ['dispatcher', 'lead', 'viewer'];
const HALL: readonly Role[] = ['dispatcher', 'lead'];
const DISPATCHER: readonly Role[] = ['dispatcher'];

const read = (roles: readonly Role[] | 'public', leadScope?: ChannelAccess['leadScope']): ChannelAccess => ({ roles, writes: false, ...(leadScope ? { leadScope } : {}) });
const write = (roles: readonly Role[] | 'public', leadScope?: ChannelAccess['leadScope']): ChannelAccess => ({ roles, writes: true, ...(leadScope ? { leadScope } : {}) });
const settings = (readers: readonly Role[]): ChannelAccess => ({ roles: readers, writes: 'when-set', setRoles: DISPATCHER });

export const CHANNEL_ACCESS: Readonly<Record<Channel, ChannelAccess>> = {
  'app/info': read('public'),
  'auth/status': read('public'),
  'auth/setup': write('public'),
  'auth/signIn': read('public'),
  'auth/signOut': read(ALL),
  'auth/changePassword': write(ALL),
  'accounts/list': read(DISPATCHER),
  'accounts/create': write(DISPATCHER),
  'accounts/update': write(DISPATCHER),
  'accounts/resetPassword': write(DISPATCHER),
  'sharing/get': read(DISPATCHER),
  'sharing/set': write(DISPATCHER),

  'settings/get': read(ALL),
  'settings/setLanguage': write(ALL),
  'centre/get': read(ALL),
  'staff/list': read(ALL),
  'staff/get': read(DISPATCHER),
  'staff/create': write(DISPATCHER),
  'staff/update': write(DISPATCHER),
  'staff/deactivate': write(DISPATCHER),
  'staff/abRoles': read(DISPATCHER),
  'skills/matrix': read(ALL),
  'skills/setLevel': write(DISPATCHER),
  'skills/history': read(ALL),
  'ab/list': read(ALL),
  'ab/set': write(DISPATCHER),
  'bench/summary': read(ALL),
  'training/plan': read(DISPATCHER),
  'training/accept': write(DISPATCHER),
  'transfer/template': read(DISPATCHER),
  'transfer/export': read(DISPATCHER),
  'transfer/check': read(DISPATCHER),
  'transfer/apply': write(DISPATCHER),
  'backup/list': read(DISPATCHER),
  'backup/create': write(DISPATCHER),
  'backup/restore': write(DISPATCHER),

  'calendar/year': read(ALL),
  'calendar/saveNotice': write(DISPATCHER),
  'calendar/setDay': write(DISPATCHER),
  'hours/list': read(ALL),
  'hours/set': write(DISPATCHER),
  'shifts/list': read(ALL),
  'shifts/save': write(DISPATCHER),

  'leave/list': read(HALL),
  'leave/check': read(HALL),
  'leave/request': write(HALL, 'person'),
  'leave/decide': write(DISPATCHER),
  'leave/cancel': write(DISPATCHER),
  'leave/balances': read(HALL),

  'punches/check': read(DISPATCHER),
  'punches/apply': write(DISPATCHER),
  'punches/list': read(HALL),
  'punches/summary': read(HALL),
  'attendance/settings': settings(HALL),
  'attendance/correct': write(HALL, 'person'),
  'attendance/day': read(HALL),
  'attendance/month': read(HALL),
  'attendance/export': read(HALL),
  'duty/settings': settings(ALL),
  'duty/month': read(ALL),

  'demand/businessTypes': read(ALL),
  'demand/history': read(ALL),
  'demand/forecast': read(ALL),
  'demand/override': write(DISPATCHER),
  'demand/staffing': read(ALL),
  'demand/targets': read(ALL),
  'demand/setTarget': write(DISPATCHER),
  'demand/importCheck': read(DISPATCHER),
  'demand/importApply': write(DISPATCHER),

  'roster/solveStart': write(DISPATCHER),
  'roster/solveProgress': read(HALL),
  'roster/solveCancel': read(HALL),
  'roster/list': read(ALL),
  'roster/get': read(ALL),
  'roster/publish': write(DISPATCHER),
  'roster/discard': write(DISPATCHER),
  'roster/exportScenario': read(DISPATCHER),
  'roster/importRoster': write(DISPATCHER),

  'board/get': read(ALL),
  'board/check': read(HALL),
  'board/edit': write(HALL, 'roster'),
  'board/candidates': read(HALL),
  'board/setPinned': write(HALL, 'roster'),
  // A proposal is written for the one who asked, not for the hall: nothing to announce until applied.
  'board/repairStart': read(HALL, 'roster'),
  'board/reoptimiseStart': read(HALL, 'roster'),
  'board/proposal': read(HALL),
  'board/applyProposal': write(HALL, 'roster'),
  'board/changes': read(ALL),
  'board/exportXlsx': read(ALL),

  'reports/client': read(ALL),
  'reports/exportClient': read(ALL),
  'reports/hours': read(DISPATCHER),
  'reports/exportHours': read(DISPATCHER),
  'cost/month': read(DISPATCHER),
  'cost/export': read(DISPATCHER),
  'cost/settings': settings(DISPATCHER),
  'cost/putRule': write(DISPATCHER),
  'cost/deleteRule': write(DISPATCHER),
  'cost/budget': settings(DISPATCHER),
  'cost/whatIf': read(DISPATCHER),
  'dashboard/today': read(ALL),
};

/** Whether this call changes data, by its channel and (for settings channels) its argument. */
export function callWrites(channel: Channel, argument: unknown): boolean {
  const access = CHANNEL_ACCESS[channel];
  if (access.writes !== 'when-set') return access.writes;
  return typeof argument === 'object' && argument !== null && 'set' in argument && (argument as { set?: unknown }).set !== undefined;
}

/** Whether `role` may make this call; public channels are everyone's. */
export function mayCall(role: Role | null, channel: Channel, argument: unknown): boolean {
  const access = CHANNEL_ACCESS[channel];
  if (access.roles === 'public') return true;
  if (role === null || !access.roles.includes(role)) return false;
  return access.writes === 'when-set' && callWrites(channel, argument) ? (access.setRoles ?? []).includes(role) : true;
}
