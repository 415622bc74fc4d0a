import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardProposal } from '../../../../../electron/contract/areas/board.ts';
import type { RosterJob } from '../../../../../electron/contract/areas/roster.ts';
import { call } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { plainMessage } from '../../roster/errors.ts';
import { localMessage } from '../../roster/roster-format.ts';
import { POLL_MS } from '../../roster/SolveProgressDialog.tsx';

export type JobStage =
  | { kind: 'idle' }
  | { kind: 'running'; job: RosterJob | null; cancelling: boolean }
  | { kind: 'proposal'; proposal: BoardProposal }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * A repair or re-optimise solve, followed to its proposal: start it, poll 'roster/solveProgress'
 * until it ends, then read the proposal. Cancelling asks the backend to stop and waits for its word.
 * A closed dialog stops listening, and stops the solve, so nothing runs on for nobody.
 */
export function useProposalJob() {
  const { language, t } = useI18n();
  const [stage, setStage] = useState<JobStage>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);
  const cancelWanted = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      const running = jobId.current;
      if (running) void call('roster/solveCancel', { jobId: running }).catch(() => undefined);
    };
  }, []);

  const follow = useCallback(
    async (first: RosterJob) => {
      let job = first;
      let cancelSent = false;
      jobId.current = job.jobId;
      while (alive.current && job.state === 'running') {
        setStage({ kind: 'running', job, cancelling: cancelWanted.current });
        if (cancelWanted.current && !cancelSent) {
          cancelSent = true;
          job = await call('roster/solveCancel', { jobId: job.jobId });
          continue;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!alive.current) return;
        job = await call('roster/solveProgress', { jobId: job.jobId });
      }
      jobId.current = null;
      if (!alive.current) return;
      if (job.state === 'cancelled') return setStage({ kind: 'cancelled' });
      if (job.state === 'failed' || job.proposalId === null) {
        return setStage({ kind: 'failed', message: job.error ? localMessage(job.error, language) : t('roster.progress.failedUnknown') });
      }
      const proposal = await call('board/proposal', { proposalId: job.proposalId });
      if (alive.current) setStage({ kind: 'proposal', proposal });
    },
    [language, t],
  );

  const start = useCallback(
    (begin: () => Promise<RosterJob>) => {
      cancelWanted.current = false;
      setStage({ kind: 'running', job: null, cancelling: false });
      begin()
        .then(follow)
        .catch((caught: unknown) => {
          jobId.current = null;
          if (alive.current) setStage({ kind: 'failed', message: plainMessage(caught, language) });
        });
    },
    [follow, language],
  );

  const cancel = useCallback(() => {
    cancelWanted.current = true;
    setStage((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
  }, []);

  const reset = useCallback(() => setStage({ kind: 'idle' }), []);

  return { stage, start, cancel, reset };
}
