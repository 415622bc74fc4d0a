import { useMemo, type ReactNode, type RefObject } from 'react';
import type { RosterView } from '../../../../electron/contract/areas/roster.ts';
import type { Centre, Post } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { GapList } from './GapList.tsx';
import { datesOf } from './period.ts';
import { RosterGrid, type DutyNames } from './RosterGrid.tsx';
import { RosterSummaryStrip } from './RosterSummaryStrip.tsx';
import { rosterRows, sortedGaps } from './roster-view.ts';

export type ResultTab = 'grid' | 'coverage' | 'gaps';

export interface Orders {
  byShift: (a: string, b: string) => number;
  byPost: (a: number, b: number) => number;
}

/** The open roster: its summary and actions, then the grid, the coverage or the gaps as the tab says. */
export function RosterResult(props: {
  view: RosterView;
  tab: ResultTab;
  centre: Centre;
  names: DutyNames;
  orders: Orders;
  postLabel: (post: Post) => string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const { view, names, orders } = props;
  const dates = useMemo(() => datesOf({ from: view.summary.from, days: daysBetween(view.summary.from, view.summary.to) }), [view.summary.from, view.summary.to]);
  const rows = useMemo(() => rosterRows(view.assignments, orders.byShift, orders.byPost), [view.assignments, orders]);
  const gaps = useMemo(() => sortedGaps(view.gaps, orders.byShift, orders.byPost), [view.gaps, orders]);
  return (
    <>
      <RosterSummaryStrip
        summary={view.summary}
        zones={props.centre.zones}
        headingRef={props.headingRef}
        busy={props.busy}
        onPublish={props.onPublish}
        onDiscard={props.onDiscard}
      />
      {props.tab === 'grid' ? <RosterGrid rows={rows} dates={dates} names={names} /> : null}
      {props.tab === 'coverage' ? (
        <CoverageTable coverage={view.coverage} centre={props.centre} byShift={orders.byShift} byPost={orders.byPost} postName={props.postLabel} shiftName={names.shift} />
      ) : null}
      {props.tab === 'gaps' ? <GapList gaps={gaps} postName={names.post} shiftName={names.shift} /> : null}
    </>
  );
}

/** What the result tabs show before any roster is open. */
export function NoRosterOpen(props: { action: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="roster-empty">
      <p>{t('roster.empty')}</p>
      {props.action}
    </div>
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
