import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface StaffingPoint {
  time: string;
  required: number;
  fixed: number;
}

/**
 * Windows needed per half-hour of one day, fixed posts stacked on top, the zone's window count as
 * a line. A rostered series joins once rosters exist.
 */
export function StaffingChart(props: { points: StaffingPoint[]; showFixed: boolean; windows: number; labels: { required: string; fixed: string; cap: string; title: string } }) {
  return (
    <figure className="demand-chart" aria-label={props.labels.title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.points} margin={{ top: 16, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#ece6dc" vertical={false} />
          <XAxis dataKey="time" tick={{ fontSize: 11 }} interval={0} angle={-45} textAnchor="end" height={44} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
          <Tooltip />
          <Legend verticalAlign="top" height={24} />
          <Bar dataKey="required" name={props.labels.required} stackId="need" fill="#b3261e" isAnimationActive={false} />
          {props.showFixed ? <Bar dataKey="fixed" name={props.labels.fixed} stackId="need" fill="#c9bfb2" isAnimationActive={false} /> : null}
          <ReferenceLine y={props.windows} stroke="#1a5fb4" strokeDasharray="6 4" label={{ value: props.labels.cap, position: 'insideTopRight', fill: '#1a5fb4', fontSize: 12 }} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
