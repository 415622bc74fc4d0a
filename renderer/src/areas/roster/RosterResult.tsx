import { useMemo, useState, type ReactNode, type RefObject } from 'react';
import { ProvisionalLabel } from '../../components/ProvisionalLabel.tsx';
import { useAccess } from '../../components/access.tsx';
import type { RosterBoard } from '../../../../electron/contract/areas/board.ts';
import type { RosterView } from '../../../../electron/contract/areas/roster.ts';
import type { Centre, Post } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { GapList } from './GapList.tsx';
import { RosterBoardPanel } from '../board/RosterBoardPanel.tsx';
import { ChangeLog } from '../board/ChangeLog.tsx';
import { boardNames } from '../board/board-names.ts';
import type { DutyNames } from './RosterGrid.tsx';
import { RosterSummaryStrip } from './RosterSummaryStrip.tsx';
import { HallProjectionPanel } from './HallProjectionPanel.tsx';
import { sortedGaps } from './roster-view.ts';

export type ResultTab = 'grid' | 'coverage' | 'gaps' | 'changes';

export interface Orders {
  byShift: (a: string, b: string) => number;
  byPost: (a: number, b: number) => number;
}

/**
 * The open roster: its summary and actions, then the board, the coverage, the gaps or the change log
 * as the tab says. The board stays mounted behind the other tabs so its undo history survives them.
 */
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
  /** An edit on the board changed the roster: its summary, coverage and gaps are to be read again. */
  onBoardChanged: () => void;
  onShowChanges: () => void;
}) {
  const { view, names, orders } = props;
  const { t, language } = useI18n();
  const [board, setBoard] = useState<RosterBoard | null>(null);
  const [changesVersion, setChangesVersion] = useState(0);
  const boardWords = useMemo(() => (board ? boardNames(board, language, t) : null), [board, language, t]);
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
      <ProvisionalLabel years={view.provisionalYears} />
      {view.summary.status === 'draft' ? <HallProjectionPanel view={view} zones={props.centre.zones} shiftName={names.shift} windowCode={(id) => props.centre.windows.find((w) => w.id === id)?.code ?? `#${id}`} /> : null}
      <div className="board-host" hidden={props.tab !== 'grid'}>
        <RosterBoardPanel
          // A roster published or reopened is read afresh: its board, its history, its change count.
          key={`${view.summary.id}-${view.summary.status}`}
          rosterId={view.summary.id}
          onLoaded={setBoard}
          onChanged={(next) => {
            setBoard(next);
            setChangesVersion((n) => n + 1);
            props.onBoardChanged();
          }}
          onShowChanges={props.onShowChanges}
        />
      </div>
      {props.tab === 'changes' ? <ChangeLog rosterId={view.summary.id} names={boardWords} published={view.summary.status === 'published'} version={changesVersion} /> : null}
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
  // Only a dispatcher makes rosters; the others open the ones there are.
  const makes = useAccess().can('roster/solveStart');
  return (
    <div className="roster-empty">
      <p>{t(makes ? 'roster.empty' : 'roster.emptyOpenOnly')}</p>
      {props.action}
    </div>
  );
}
