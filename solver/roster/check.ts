/** The independent checker (stub; filled in next). */
import type { Assignment, CheckReport, Scenario } from './types.ts';

export function checkRoster(_scenario: Scenario, _assignments: Assignment[]): CheckReport {
  return {
    breaches: [],
    soft: {
      unmetStaffShifts: 0, overStaffShifts: 0, slotsWithDemand: 0, slotsWithoutBackup: 0, resilienceShare: 1,
      cost: 0, requestsBroken: 0, offHomeAssignments: 0,
      penalties: { unmet: 0, over: 0, backup: 0, cost: 0, fairness: 0, continuity: 0, requests: 0, total: 0 },
    },
  };
}
