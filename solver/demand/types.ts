/**
 * The demand area's plain-data interfaces: ticket history in, forecasts and the windows needed
 * out. Days carry their kind from the working calendar (solver/calendar/china-calendar.ts).
 */
import type { CalendarDay } from '../calendar/china-calendar.ts';

/** Half-hour of the day: 0 = 00:00–00:30 … 47. */
export type Slot = number;

export interface SlotCount {
  slot: Slot;
  arrivals: number;
}

/** One zone's history: total arrivals per working day, and per half-hour where known. */
export interface ZoneHistoryDay {
  date: string;
  arrivals: number;
  /** Empty when the hall only gave daily counts. */
  slots: SlotCount[];
}

export interface ForecastInput {
  history: ZoneHistoryDay[];
  /** Kinds of every day of history and horizon; a holiday has no demand, a make-up day is a working day. */
  calendar: CalendarDay[];
  /** The dates to forecast, in order. */
  horizon: string[];
  /** The half-hours the hall is open, e.g. 17..34 for 08:30–17:30. */
  openSlots: Slot[];
}

export interface ForecastDay {
  date: string;
  arrivals: number;
  slots: SlotCount[];
}

export interface Accuracy {
  /** Weighted absolute percentage error on held-back working days: Σ|actual − forecast| ÷ Σ actual. */
  wape: number;
  /** The same for "same weekday last week". */
  naiveWape: number;
  holdoutDays: number;
}

/** Service targets, per zone. */
export type ServiceTarget =
  | { kind: 'avg_wait'; maxWaitSeconds: number }
  | { kind: 'service_level'; percent: number; withinSeconds: number };

/** An M/M/c queue at a given number of servers (windows). */
export interface QueueMetrics {
  servers: number;
  /** Erlangs: arrivals per second × mean handling seconds. */
  offeredLoad: number;
  /** Erlang C: the chance a ticket waits at all. */
  waitProbability: number;
  /** The share called within the target's seconds (or within the average-wait target). */
  serviceLevel: number;
  averageWaitSeconds: number;
  occupancy: number;
}

export interface StaffingAnswer {
  servers: number;
  /** True when the target needs more servers than `maxServers` allows. */
  capped: boolean;
  /** Servers needed without the cap. */
  uncappedServers: number;
  atServers: QueueMetrics;
  /** The same queue with one window fewer, to show what one person is worth; null at 0 or 1. */
  oneFewer: QueueMetrics | null;
}

/** A generated hall, for the demo centre and for tests that must know the truth. */
export interface SyntheticBusinessType {
  id: number;
  zoneId: number;
  /** Share of the zone's daily volume. */
  share: number;
  meanHandleSeconds: number;
  /** Peaks around the monthly tax deadline (the 15th, moved to the next working day). */
  taxDeadline?: boolean;
}

export interface SyntheticZone {
  zoneId: number;
  /** Mean arrivals on an ordinary Wednesday. */
  baseDaily: number;
}

export interface SyntheticTicketCount {
  date: string;
  businessTypeId: number;
  slot: Slot;
  arrivals: number;
  served: number;
  handleSeconds: number;
  waitSeconds: number;
}
