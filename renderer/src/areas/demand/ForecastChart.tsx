import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ForecastPoint {
  date: string;
  label: string;
  actual?: number;
  forecast?: number;
}

/** Daily arrivals: the history as a solid line, the forecast dashed, a line at today between them. */
export function ForecastChart(props: { points: ForecastPoint[]; today: string; labels: { actual: string; forecast: string; today: string; title: string } }) {
  const todayLabel = props.points.find((point) => point.date === props.today)?.label;
  return (
    <figure className="demand-chart" aria-label={props.labels.title}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={props.points} margin={{ top: 16, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#ece6dc" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? Math.round(value) : value)} />
          <Legend verticalAlign="top" height={24} />
          {todayLabel ? <ReferenceLine x={todayLabel} stroke="#1a5fb4" strokeWidth={2} label={{ value: props.labels.today, position: 'insideTopLeft', fill: '#1a5fb4', fontSize: 12 }} /> : null}
          <Line type="monotone" dataKey="actual" name={props.labels.actual} stroke="#4a4540" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="forecast" name={props.labels.forecast} stroke="#b3261e" strokeWidth={2} strokeDasharray="6 4" dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
