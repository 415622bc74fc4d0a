import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../electron/contract/areas/reports.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dayHeader } from '../roster/roster-format.ts';
import { shortDate, type ReportNames } from '../reports/report-format.ts';

/** This week's staff-shifts, met and short, per day: a red stack is a day to look at. */
export function WeekChart({ board, t }: { board: Dashboard; t: Translate }) {
  const data = board.weekCoverage.map((day) => ({ label: dayHeader(day.date, t), met: day.assigned, short: day.short }));
  const title = t('dashboard.weekChart', { from: shortDate(board.week.from), to: shortDate(board.week.to) });
  return (
    <figure className="dash-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      {board.weekCoverage.every((day) => day.required === 0) ? (
        <p className="hint">{t('dashboard.noWeekRoster')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#ece6dc" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
            <Tooltip />
            <Legend verticalAlign="top" height={24} />
            <Bar dataKey="met" name={t('dashboard.met')} stackId="week" fill="#1e6b3a" isAnimationActive={false} />
            <Bar dataKey="short" name={t('dashboard.short')} stackId="week" fill="#b3261e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** The month's on-duty rate per zone against the contracted target line. */
export function DutyChart({ board, names, t, angledLabels }: { board: Dashboard; names: ReportNames; t: Translate; angledLabels: boolean }) {
  const duty = board.duty!;
  const data = duty.zones.map((zone) => ({ label: names.zone(zone.zoneId), rate: zone.ratePercent ?? 0, met: zone.met }));
  const title = t('dashboard.dutyChart', { month: duty.month, target: duty.targetPercent });
  // Whole fives from just under the lowest rate (or the target) to 100: small differences stay visible.
  const floor = Math.max(0, Math.floor(Math.min(duty.targetPercent, ...data.map((zone) => zone.rate)) / 5) * 5 - 5);
  const ticks = Array.from({ length: Math.floor((100 - floor) / 5) + 1 }, (_, i) => floor + i * 5);
  return (
    <figure className="dash-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#ece6dc" vertical={false} />
          {/* English zone names are long: slanted, they stay apart. */}
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} {...(angledLabels ? { angle: -25, textAnchor: 'end', height: 70 } : {})} />
          <YAxis domain={[floor, 100]} ticks={ticks} tick={{ fontSize: 11 }} width={44} unit="%" />
          <Tooltip formatter={(value) => `${String(value)}%`} />
          <ReferenceLine y={duty.targetPercent} stroke="#1a5fb4" strokeDasharray="6 4" />
          <Bar dataKey="rate" name={t('duty.rate')} isAnimationActive={false}>
            {data.map((zone) => (
              <Cell key={zone.label} fill={zone.met ? '#1e6b3a' : '#b3261e'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
