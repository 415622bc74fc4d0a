import { useState } from 'react';
import type { BoardEditResult, BoardProposal, RosterBoard } from '../../../../../electron/contract/areas/board.ts';
import { call } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { plainMessage } from '../../roster/errors.ts';
import { JobRunning, ProposalDetails } from './ProposalParts.tsx';
import { useProposalJob } from './useProposalJob.ts';
import './repair.css';

export interface ReoptimiseDialogProps {
  board: RosterBoard;
  onApplied: (result: BoardEditResult) => void;
  onClose: () => void;
}

const MIN_SECONDS = 5;
const MAX_SECONDS = 600;

/** Re-optimise the days from tomorrow, keeping pinned cells; shows the moves before applying them. */
export function ReoptimiseDialog({ board, onApplied, onClose }: ReoptimiseDialogProps) {
  const { t, language } = useI18n();
  const [seconds, setSeconds] = useState('60');
  const [applying, setApplying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { stage, start, cancel, reset } = useProposalJob();
  const limit = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.round(Number(seconds)) || 60));
  const pinned = board.duties.filter((duty) => duty.pinned).length;

  const apply = async (proposal: BoardProposal) => {
    if (applying || proposal.stale) return;
    setApplying(true);
    setRefusal(null);
    try {
      onApplied(await call('board/applyProposal', { proposalId: proposal.id, reason: t('reoptimise.title') }));
    } catch (caught) {
      setRefusal(plainMessage(caught, language));
    } finally {
      setApplying(false);
    }
  };

  const escape = () => {
    if (stage.kind === 'running') return cancel();
    if (stage.kind === 'idle') return onClose();
    if (applying) return;
    setRefusal(null);
    reset();
  };

  return (
    <Dialog title={t('reoptimise.title')} onClose={escape} wide>
      {stage.kind === 'idle' ? (
        <form
          className="form-stack"
          onSubmit={(event) => {
            event.preventDefault();
            start(() => call('board/reoptimiseStart', { rosterId: board.summary.id, timeLimitSeconds: limit }));
          }}
        >
          <p>{t('reoptimise.explain')}</p>
          <p className="muted">{t('reoptimise.pinned', { n: pinned })}</p>
          <label className="field">
            <span>{t('repair.timeLimit')}</span>
            <input type="number" min={MIN_SECONDS} max={MAX_SECONDS} step={5} value={seconds} onChange={(event) => setSeconds(event.target.value)} />
          </label>
          <p className="hint muted">{t('repair.keys')}</p>
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              {t('repair.cancel')}
            </button>
            <button type="submit" className="primary" autoFocus>
              {t('reoptimise.start')}
            </button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'running' ? (
        <div className="form-stack">
          <JobRunning job={stage.job} cancelling={stage.cancelling} limit={limit} />
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
            {stage.proposal.moves.length === 0 ? (
              // Nothing would change: there is nothing to apply, only a dialog to close.
              <button type="button" className="primary" onClick={onClose} autoFocus>
                {t('repair.close')}
              </button>
            ) : (
              <button type="submit" className="primary" disabled={applying || stage.proposal.stale} autoFocus>
                {applying ? t('repair.applying') : t('repair.apply')}
              </button>
            )}
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
