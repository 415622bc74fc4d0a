/**
 * The pay tiers, as multiples of the hourly wage: the one definition that payroll (solver/pay/cost.ts)
 * and the roster's cost (solver/roster/model.ts and check.ts) both read, so the optimiser never
 * prices a shift differently from the pay report (issue 17, item 6).
 *
 * 劳动法 art. 44: an extension of a working day is paid at 150%, rest-day work at 200% unless time
 * off in lieu is given (then the minute is an ordinary one, 100%), statutory-holiday work at 300%.
 */
export const PAY_TIERS = {
  regular: 1,
  extension: 1.5,
  restDay: 2,
  statutory: 3,
} as const;

/** A rest-day minute given back as time off in lieu (补休 / 调休) is paid as a regular one. */
export const LIEU_TIER = PAY_TIERS.regular;

/** Minutes split by tier, as solver/pay/hours.ts reports them (`regular` includes lieu). */
export interface TierMinutes {
  regular: number;
  overtime150: number;
  overtime200: number;
  overtime300: number;
}

/** Hours weighted by their tier: the hours the hourly wage is paid for. */
export function tieredHours(minutes: TierMinutes): number {
  return (PAY_TIERS.regular * minutes.regular + PAY_TIERS.extension * minutes.overtime150 + PAY_TIERS.restDay * minutes.overtime200 + PAY_TIERS.statutory * minutes.overtime300) / 60;
}

/** Overtime hours weighted by their tier, regular minutes left out (the monthly wage pays those). */
export function overtimeHours(minutes: Omit<TierMinutes, 'regular'>): number {
  return tieredHours({ regular: 0, ...minutes });
}

/**
 * The tier of a whole rostered day by the roster's three kinds (before lieu and the weekly 150%).
 * Under 综合计算工时制 a rest day is an ordinary day of the cycle: its minutes are paid at 150% as
 * hours above the cycle's standard (劳动部发〔1994〕503号 art. 13 reading, solver/pay/hours.ts),
 * unless the cycle gives them back (then 100%); statutory holidays stay at 300%.
 */
export function dayTier(kind: 'workday' | 'restday' | 'holiday', scheme: 'standard' | 'comprehensive' = 'standard'): number {
  if (kind === 'holiday') return PAY_TIERS.statutory;
  if (kind === 'restday') return scheme === 'comprehensive' ? PAY_TIERS.extension : PAY_TIERS.restDay;
  return PAY_TIERS.regular;
}
