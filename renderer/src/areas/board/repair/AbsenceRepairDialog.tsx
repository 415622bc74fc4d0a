import { useMemo, useState } from 'react';
import type { AbsenceKind, BoardEditResult, BoardProposal, RosterBoard } from '../../../../../electron/contract/areas/board.ts';
import { call } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { plainMessage } from '../../roster/errors.ts';
import { boardNames } from '../board-names.ts';
import { JobRunning, ProposalDetails } from './ProposalParts.tsx';
import { repairDays } from './repair-words.ts';
import { useProposalJob } from './useProposalJob.ts';
import './repair.css';

export interface AbsenceRepairDialogProps {
  board: RosterBoard;
  /** Prefilled from the cell the lead was on. */
  initial?: { staffId?: number; date?: string; shiftCode?: string | null };
  onApplied: (result: BoardEditResult) => void;
  onClose: () => void;
}

/** How long the repair's solve may take: a lead waits at the screen, in the hall. */
const REPAIR_SECONDS = 20;

/** The contract's absence kinds, in the order a lead meets them. */
const ABSENCE_KINDS: readonly AbsenceKind[] = ['sick', 'personal', 'other'];

/**
 * Mark someone absent, see the repair that changes the fewest other duties, apply it in one step.
 * Three steps in one dialog: the absence (who, when, why) → the solve's progress (取消 stops it) →
 * the proposal in plain words (应用调整). Enter moves on, Esc goes back or closes.
 */
export function AbsenceRepairDialog({ board, initial, onApplied, onClose }: AbsenceRepairDialogProps) {
  const { t, language } = useI18n();
  const names = useMemo(() => boardNames(board, language, t), [board, language, t]);
  const days = useMemo(() => repairDays(board.days, board.today), [board.days, board.today]);
  const people = useMemo(() => [...board.people].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [board.people]);
  const [staffId, setStaffId] = useState<number | null>(initial?.staffId ?? null);
  const [date, setDate] = useState(initial?.date && days.includes(initial.date) ? initial.date : (days[0] ?? board.today));
  const [shiftCode, setShiftCode] = useState<string | null>(initial?.shiftCode ?? null);
  const [kind, setKind] = useState<AbsenceKind>('sick');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [applying, setApplying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { stage, start, cancel, reset } = useProposalJob();

  const duties = board.duties.filter((duty) => duty.staffId === staffId && duty.date === date);
  const dutyWords = duties.map((duty) => `${names.shift(duty.shiftCode)} ${names.post(duty.postId)}`).join('、');

  const begin = () => {
    setTried(true);
    if (staffId === null) return;
    setRefusal(null);
    start(() => call('board/repairStart', { rosterId: board.summary.id, staffId, date, shiftCode, kind, note: note.trim(), timeLimitSeconds: REPAIR_SECONDS }));
  };

  const apply = async (proposal: BoardProposal) => {
    if (applying || proposal.stale) return;
    setApplying(true);
    setRefusal(null);
    try {
      const scope = shiftCode === null ? t('repair.scope.day') : names.shift(shiftCode);
      // The change log is shown on the board and printed with it: the kind of absence, not the note.
      const reason = t('repair.absence', { name: names.person(staffId ?? 0), day: names.day(date), scope, kind: t(`repair.kind.${kind}`) });
      onApplied(await call('board/applyProposal', { proposalId: proposal.id, reason: reason.slice(0, 500) }));
    } catch (caught) {
      setRefusal(plainMessage(caught, language));
    } finally {
      setApplying(false);
    }
  };

  // Esc: stop a running solve, leave a proposal for the form, close from the form.
  const escape = () => {
    if (stage.kind === 'running') return cancel();
    if (stage.kind === 'idle' || applying) return stage.kind === 'idle' ? onClose() : undefined;
    setRefusal(null);
    reset();
  };

  return (
    <Dialog title={t('repair.title')} onClose={escape} wide>
      {stage.kind === 'idle' ? (
        <form
          className="form-stack repair-form"
          onSubmit={(event) => {
            event.preventDefault();
            begin();
          }}
        >
          <label className="field">
            <span>{t('repair.person')}</span>
            <select value={staffId ?? ''} autoFocus={staffId === null} onChange={(event) => setStaffId(event.target.value === '' ? null : Number(event.target.value))} aria-invalid={tried && staffId === null}>
              <option value="">—</option>
              {people.map((person) => (
                <option key={person.staffId} value={person.staffId}>
                  {person.name}（{person.employeeNo}）
                </option>
              ))}
            </select>
          </label>
          {tried && staffId === null ? (
            <p className="form-error" role="alert">
              {t('repair.needPerson')}
            </p>
          ) : null}
          <label className="field">
            <span>{t('repair.date')}</span>
            <select value={date} onChange={(event) => setDate(event.target.value)}>
              {days.map((day) => (
                <option key={day} value={day}>
                  {names.day(day)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="repair-choice">
            <legend>{t('repair.scope')}</legend>
            <label>
              <input type="radio" name="repair-scope" checked={shiftCode === null} onChange={() => setShiftCode(null)} />
              {t('repair.scope.day')}
            </label>
            <label>
              <input type="radio" name="repair-scope" checked={shiftCode !== null} onChange={() => setShiftCode(duties[0]?.shiftCode ?? board.shifts[0]?.code ?? null)} />
              {t('repair.scope.shift')}
            </label>
            {shiftCode !== null ? (
              <select aria-label={t('repair.shift')} value={shiftCode} onChange={(event) => setShiftCode(event.target.value)}>
                {board.shifts.map((shift) => (
                  <option key={shift.code} value={shift.code}>
                    {names.shift(shift.code)}（{shift.start}–{shift.end}）
                  </option>
                ))}
              </select>
            ) : null}
          </fieldset>
          <p className="muted repair-duties" data-testid="repair-duties">
            {staffId === null ? '\u00a0' : duties.length > 0 ? t('repair.dutyOfDay', { duties: dutyWords }) : t('repair.noDutyOfDay')}
          </p>
          <fieldset className="repair-choice">
            <legend>{t('repair.kind')}</legend>
            {ABSENCE_KINDS.map((choice) => (
              <label key={choice}>
                <input type="radio" name="repair-kind" checked={kind === choice} onChange={() => setKind(choice)} />
                {t(`repair.kind.${choice}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('repair.note')}</span>
            <input type="text" value={note} maxLength={200} placeholder={t('repair.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
          </label>
          <p className="hint muted">{t('repair.keys')}</p>
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              {t('repair.cancel')}
            </button>
            <button type="submit" className="primary" autoFocus={staffId !== null}>
              {t('repair.start')}
            </button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'running' ? (
        <div className="form-stack">
          <JobRunning job={stage.job} cancelling={stage.cancelling} limit={REPAIR_SECONDS} />
          <div className="form-actions">
            <button type="button" onClick={cancel} disabled={stage.cancelling} autoFocus>
              {t('repair.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {stage.kind === 'cancelled' || stage.kind === 'failed' ? (
        <div className="form-stack">
          <p className={stage.kind === 'failed' ? 'form-banner' : ''} role="alert">
            {stage.kind === 'failed' ? t('repair.failed', { message: stage.message }) : t('repair.cancelled')}
          </p>
          <div className="form-actions">
            <button type="button" onClick={reset}>
              {t('repair.back')}
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('repair.close')}
            </button>
          </div>
        </div>
      ) : null}
      {stage.kind === 'proposal' ? (
        <form
          className="form-stack"
          onSubmit={(event) => {
            event.preventDefault();
            void apply(stage.proposal);
          }}
        >
          <h3 className="repair-subtitle">{t('repair.proposalTitle')}</h3>
          <ProposalDetails board={board} proposal={stage.proposal} />
          {refusal ? (
            <div className="form-banner" role="alert">
              {refusal}
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" onClick={escape} disabled={applying}>
              {t('repair.back')}
            </button>
            <button type="submit" className="primary" disabled={applying || stage.proposal.stale} autoFocus>
              {applying ? t('repair.applying') : t('repair.apply')}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
