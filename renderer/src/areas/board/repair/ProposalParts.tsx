import type { BoardProposal, RosterBoard } from '../../../../../electron/contract/areas/board.ts';
import type { RosterJob } from '../../../../../electron/contract/areas/roster.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { gapText, numberText, solveStatusText } from '../../roster/roster-format.ts';
import { boardNames } from '../board-names.ts';
import { moveLine, orderedMoves, trend } from './repair-words.ts';

/** The solve under way: its step in words and the seconds, for the wait at the screen. */
export function JobRunning(props: { job: RosterJob | null; cancelling: boolean; limit: number }) {
  const { t } = useI18n();
  const phase = props.job?.progress.phase ?? 'queued';
  const phaseText = phase === 'saving' ? t('repair.phase.saving') : t(`roster.phase.${phase}`);
  return (
    <div className="repair-running" data-testid="repair-progress">
      <p role="status" aria-live="polite" data-testid="repair-phase">
        {props.cancelling ? t('repair.cancelling') : t('repair.working', { phase: phaseText, seconds: numberText(props.job?.progress.seconds ?? 0, 0) })}
      </p>
      <div className="solve-bar solve-bar-indeterminate" role="progressbar" aria-label={t('roster.progress.bar')}>
        <div className="solve-bar-fill" />
      </div>
      <p className="hint muted">{t('roster.progress.hint', { limit: props.limit })}</p>
    </div>
  );
}

/** What the proposal would do: the moves in plain words, the totals before and after, the solve. */
export function ProposalDetails(props: { board: RosterBoard; proposal: BoardProposal }) {
  const { t, language } = useI18n();
  const { board, proposal } = props;
  const names = boardNames(board, language, t);
  const moveNames = {
    day: names.day,
    shift: names.shift,
    post: names.post,
    off: t('board.off'),
    learner: t('roster.learner'),
    cover: (name: string) => t('repair.move.cover', { name }),
    window: names.windowCode,
  };
  const moves = orderedMoves(proposal.moves, board.shifts, proposal.absence?.staffId ?? null);
  const status = solveStatusText(proposal.solveStatus, t);
  const rows = [
    ['unmet', t('repair.totals.unmet'), proposal.before.unmet, proposal.after.unmet],
    ['withoutBackup', t('repair.totals.withoutBackup'), proposal.before.withoutBackup, proposal.after.withoutBackup],
  ] as const;
  return (
    <div className="repair-proposal" data-testid="repair-proposal">
      {proposal.absence ? (
        <p className="repair-absence">
          {t('repair.absence', {
            name: proposal.absence.staffName,
            day: names.day(proposal.absence.date),
            scope: proposal.absence.shiftCode === null ? t('repair.scope.day') : names.shift(proposal.absence.shiftCode),
            kind: t(`repair.kind.${proposal.absence.kind}`),
          })}
          {proposal.absence.note ? ` · ${proposal.absence.note}` : ''}
        </p>
      ) : null}
      <h3 className="repair-subtitle">{t('repair.moves', { n: moves.length })}</h3>
      {moves.length === 0 ? (
        <p className="muted">{t('repair.noMoves')}</p>
      ) : (
        <ol className="repair-moves" data-testid="repair-moves">
          {moves.map((move) => (
            <li key={`${move.staffId}|${move.date}|${move.shiftCode}`}>{moveLine(move, proposal.moves, moveNames)}</li>
          ))}
        </ol>
      )}
      <table className="repair-totals" data-testid="repair-totals">
        <caption>{t('repair.totals')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('repair.totals.before')}</th>
            <th scope="col">{t('repair.totals.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, before, after]) => (
            <tr key={key} data-total={key}>
              <th scope="row">{label}</th>
              <td>{before}</td>
              <td className={`trend-${trend(before, after)}`}>{after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="repair-status">
        {proposal.gap && proposal.gap > 0 ? t('repair.statusGap', { status, gap: gapText(proposal.gap) }) : t('repair.status', { status })}
      </p>
      {proposal.stale ? (
        <div className="form-banner" role="alert">
          {t('repair.stale')}
        </div>
      ) : null}
    </div>
  );
}
