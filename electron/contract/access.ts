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
import type { StaffRowPrivateField } from './model.ts';

export interface ChannelAccess {
  /** Who may call it; 'public' needs no sign-in (the first-run step, signing in, the app's facts). */
  roles: readonly Role[] | 'public';
  /**
   * Whether it changes data: changes are announced to every open client. 'when-set' channels read
   * their settings when called without `set` and change them with it, which `setRoles` may do.
   */
  writes: boolean | 'when-set';
  setRoles?: readonly Role[];
  /**
   * A lead may call it only within their zones: 'roster' a roster that staffs one of them; 'cells'
   * that, and every cell the call touches is of a person whose home is one of them at a post of one
   * of them (a proposal's moves when it is applied); 'person' a person whose home is one of them.
   */
  leadScope?: 'roster' | 'cells' | 'person';
  /** What of the result's rows each role receives: the rows of a lead's zones, fields a role never sees. */
  rows?: readonly RowRule[];
}

/**
 * A rule on the rows of a result, applied by the backend to every answer of the channel. `at` is
 * where the rows are: '' the result itself, else a dotted path in it ('rows', 'pendingLeave.oldest');
 * an array is taken row by row, an object as one row. `lead: 'own-zones'` keeps a lead to the rows of
 * the people of their zones (by the row's `staffId`, else its `zoneId`); `none` names the roles that
 * get none of the rows (an empty list); `redact` names the fields a role never receives. A channel
 * that answers with a file applies its rule to the rows before writing them.
 */
export interface RowRule {
  at: string;
  lead?: 'own-zones';
  none?: readonly Role[];
  redact?: Partial<Record<Role, readonly string[]>>;
}

const ALL: readonly Role[] = ['dispatcher', 'lead', 'viewer'];
const HALL: readonly Role[] = ['dispatcher', 'lead'];
const DISPATCHER: readonly Role[] = ['dispatcher'];

const read = (roles: readonly Role[] | 'public', leadScope?: ChannelAccess['leadScope']): ChannelAccess => ({ roles, writes: false, ...(leadScope ? { leadScope } : {}) });
const write = (roles: readonly Role[] | 'public', leadScope?: ChannelAccess['leadScope']): ChannelAccess => ({ roles, writes: true, ...(leadScope ? { leadScope } : {}) });
const ownZoneRows = (at: string): RowRule => ({ at, lead: 'own-zones' });
const rowsOf = (access: ChannelAccess, ...rows: RowRule[]): ChannelAccess => ({ ...access, rows });

/**
 * A staff row as the client's supervisor may see it: name, employee number, zone, post, status and
 * dates of service; nothing to reach or identify the person by, nothing about pay or why they left.
 * A lead sees how to reach the hall's people, not their pay, their ID or why they left.
 */
export const STAFF_FIELDS_HIDDEN: Readonly<Partial<Record<Role, readonly (StaffRowPrivateField | 'idNumberMasked')[]>>> = {
  viewer: ['phone', 'idNumberMasked', 'gender', 'wageGrade', 'leaveReason', 'workStartDate', 'contractType', 'weeklyHourCap'],
  lead: ['idNumberMasked', 'wageGrade', 'leaveReason'],
};

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
  'staff/list': rowsOf(read(ALL), { at: '', redact: STAFF_FIELDS_HIDDEN }),
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

  'leave/list': rowsOf(read(HALL), ownZoneRows('')),
  'leave/check': read(HALL, 'person'),
  'leave/request': write(HALL, 'person'),
  'leave/decide': write(DISPATCHER),
  'leave/cancel': write(DISPATCHER),
  'leave/balances': rowsOf(read(HALL), ownZoneRows('')),
  // Hours earned and taken, never their pay tier: a lead records 调休 for the people of their zones.
  'leave/timeAccount': read(HALL, 'person'),

  'punches/check': read(DISPATCHER),
  'punches/apply': write(DISPATCHER),
  'punches/list': read(HALL, 'person'),
  'punches/summary': read(HALL),
  'attendance/settings': settings(HALL),
  'attendance/correct': write(HALL, 'person'),
  'attendance/day': read(HALL, 'person'),
  'attendance/month': rowsOf(read(HALL), ownZoneRows('rows')),
  'attendance/export': rowsOf(read(HALL), ownZoneRows('rows')),
  'duty/settings': settings(ALL),
  'duty/month': read(ALL),
  // Overtime is arranged by the hall (a lead for their zones' people) and decided by the dispatcher.
  'overtime/month': rowsOf(read(HALL), ownZoneRows('rows')),
  'overtime/request': write(HALL, 'person'),
  'overtime/decide': write(DISPATCHER),
  'overtime/decidePunch': write(DISPATCHER),

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
  'roster/calendarReview': read(ALL),
  'roster/publish': write(DISPATCHER),
  'roster/discard': write(DISPATCHER),
  'roster/exportScenario': read(DISPATCHER),
  'roster/importRoster': write(DISPATCHER),

  'board/get': read(ALL),
  'board/check': read(HALL),
  'board/edit': write(HALL, 'cells'),
  'board/candidates': read(HALL),
  'board/setPinned': write(HALL, 'cells'),
  // A proposal is written for the one who asked, not for the hall: nothing to announce until applied.
  // A lead's solve moves only the people and posts of their zones; applying it checks every move.
  'board/repairStart': read(HALL, 'cells'),
  'board/reoptimiseStart': read(HALL, 'cells'),
  'board/proposal': read(HALL),
  'board/applyProposal': write(HALL, 'cells'),
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
  // Who is waiting for a leave decision is personal: the viewer learns how many, not who.
  'dashboard/today': rowsOf(read(ALL), { at: 'pendingLeave.oldest', none: ['viewer'] }),
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
