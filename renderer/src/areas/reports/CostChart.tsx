import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostMonth } from '../../../../electron/contract/areas/reports.ts';

/** The year so far, month by month, stacked by category: where the money goes reads at a glance. */
export function CostChart(props: { months: CostMonth['months']; labels: { manager: string; window: string; desk: string; title: string }; monthLabel: (month: number) => string }) {
  const data = props.months.map((month) => ({ label: props.monthLabel(month.month), ...month.totals }));
  const yuan = (value: unknown) => Number(value).toLocaleString('en-US', { maximumFractionDigits: 0 });
  return (
    <figure className="report-chart" aria-label={props.labels.title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ece6dc" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 'auto']} tick={{ fontSize: 11 }} width={72} tickFormatter={yuan} />
          <Tooltip formatter={(value) => yuan(value)} />
          <Legend verticalAlign="top" height={24} />
          <Bar dataKey="window" name={props.labels.window} stackId="cost" fill="#b3261e" isAnimationActive={false} />
          <Bar dataKey="desk" name={props.labels.desk} stackId="cost" fill="#d9a441" isAnimationActive={false} />
          <Bar dataKey="manager" name={props.labels.manager} stackId="cost" fill="#1a5fb4" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
