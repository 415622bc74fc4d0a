import type { DemandDay, QueueView, ServiceTargetSetting } from '../../../../electron/contract/areas/demand.ts';
import type { FieldProblem } from '../../../../electron/contract/errors.ts';
import { ApiError } from '../../api/client.ts';
import { isMessageKey, type Translate } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** Half-hour 0 … 47 as the clock shows its start. */
export function slotStart(slot: number): string {
  const minutes = slot * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "08:30–09:00"; the whole day (-1) in words. */
export function slotRange(slot: number, t: Translate): string {
  return slot < 0 ? t('demand.allDay') : `${slotStart(slot)}–${slotStart(slot + 1)}`;
}

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Monday = 0 … Sunday = 6, read from the ISO date alone so no time zone can shift it. */
export function weekdayIndex(date: string): number {
  const { year, month, day } = parts(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** "5月12日 周二". */
export function dateLabel(date: string, t: Translate): string {
  const { month, day } = parts(date);
  const weekday = t('demand.weekdays').split(',')[weekdayIndex(date)] ?? '';
  return t('demand.dateLabel', { month, day, weekday });
}

export function shortDate(date: string, t: Translate): string {
  const { month, day } = parts(date);
  return t('demand.shortDate', { month, day });
}

/** An ISO date `days` away from `date`. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export const kindLabel = (kind: DemandDay['kind']) => `demand.kind.${kind}` as MessageKey;
export const isClosed = (kind: DemandDay['kind']) => kind === 'weekend' || kind === 'statutory' || kind === 'holiday_rest';

/** Arrivals are people: whole numbers on screen whatever the model's fractions. */
export const count = (value: number) => String(Math.round(value));

/**
 * A wait in minutes with one decimal. A queue that never clears arrives as Number.MAX_SAFE_INTEGER
 * (JSON has no Infinity; null is taken too, in case it changes), and is put in words.
 */
export function waitText(seconds: number | null | undefined, t: Translate): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds < Number.MAX_SAFE_INTEGER
    ? t('demand.minutes', { value: (seconds / 60).toFixed(1) })
    : t('demand.staffing.overloaded');
}

/** A queue the windows cannot clear: the backend reports every window busy and the wait unbounded. */
export function overloaded(queue: QueueView): boolean {
  const wait = queue.averageWaitSeconds as number | null;
  return queue.occupancy >= 1 || typeof wait !== 'number' || !Number.isFinite(wait) || wait >= Number.MAX_SAFE_INTEGER;
}

/** A share (0–1) as a percent; `digits` decimals. */
export function percent(share: number | null | undefined, digits = 0): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${(share * 100).toFixed(digits)}%` : '—';
}

export function targetText(target: ServiceTargetSetting, t: Translate): string {
  return target.kind === 'avg_wait'
    ? t('demand.target.avg_wait', { w: target.maxWaitMinutes })
    : t('demand.target.service_level', { x: target.serviceLevelPercent, s: target.withinSeconds });
}

/** A field's problem in this area's words where it has them, else the app's generic wording. */
export function fieldProblem(field: string, kind: FieldProblem, t: Translate, generic: (field: string, kind: FieldProblem) => string): string {
  const key = `demand.problem.${field}.${kind}`;
  return isMessageKey(key) ? t(key) : generic(field, kind);
}

/** What to tell the user about a failed request. */
export function errorText(caught: unknown, t: Translate): string {
  return t('app.error', { message: caught instanceof ApiError ? caught.error.message : caught instanceof Error ? caught.message : String(caught) });
}
