import { useEffect, useRef, useState } from 'react';
import type { RosterJob, RosterSolveProgress } from '../../../../electron/contract/areas/roster.ts';
import { call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from './errors.ts';
import { gapText, localMessage, numberText } from './roster-format.ts';

/** How often the dialog asks how the solve is going. */
export const POLL_MS = 400;

export interface SolveRequest {
  from: string;
  days: number;
  zoneIds: number[];
  timeLimitSeconds: number;
}

/** The steps a solve goes through, in the order the dialog shows them. */
const STEPS = ['validating', 'building', 'solving', 'checking', 'explaining', 'saving'] as const;

/**
 * Starts a solve and follows it until it ends: the step in words, the seconds, the best roster's
 * objective, the proven bound and the gap between them. 取消 and Esc stop the solve; the backend
 * says when it has stopped, and the dialog reports what it ended with.
 */
export function SolveProgressDialog(props: { request: SolveRequest; title: string; onEnded: (job: RosterJob) => void; onClose: () => void }) {
  const { t, language } = useI18n();
  const [job, setJob] = useState<RosterJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const started = useRef(false);
  const cancelWanted = useRef(false);
  const ended = useRef(false);
  const { request, onEnded } = props;

  // StrictMode runs effects twice in development; the ref keeps it to one solve.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    call('roster/solveStart', request)
      .then(async (first) => setJob(cancelWanted.current && first.state === 'running' ? await call('roster/solveCancel', { jobId: first.jobId }) : first))
      .catch((caught: unknown) => setFailure(plainMessage(caught, language)));
  }, [request, language]);

  useEffect(() => {
    if (!job) return;
    if (job.state === 'failed') {
      setFailure(job.error ? localMessage(job.error, language) : t('roster.progress.failedUnknown'));
      return;
    }
    if (job.state !== 'running') {
      if (!ended.current) onEnded(job);
      ended.current = true;
      return;
    }
    const timer = setTimeout(() => {
      call('roster/solveProgress', { jobId: job.jobId })
        .then(setJob)
        .catch((caught: unknown) => setFailure(plainMessage(caught, language)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, onEnded, t, language]);

  const cancel = () => {
    if (failure) return props.onClose();
    if (cancelling) return;
    setCancelling(true);
    cancelWanted.current = true;
    if (job?.state === 'running') {
      call('roster/solveCancel', { jobId: job.jobId })
        .then(setJob)
        .catch((caught: unknown) => setFailure(plainMessage(caught, language)));
    }
  };

  const progress = job?.progress ?? null;
  return (
    <Dialog title={props.title} onClose={cancel}>
      <div className="form-stack solve-progress" data-testid="solve-progress">
        <PhaseSteps phase={progress?.phase ?? 'queued'} failed={failure !== null} />
        {failure ? (
          <div className="form-banner" role="alert">
            {t('roster.progress.failed', { message: failure })}
          </div>
        ) : (
          <>
            <ProgressBar progress={progress} />
            <SolveFigures progress={progress} limit={request.timeLimitSeconds} />
            <p className="hint muted">{cancelling ? t('roster.progress.cancelling') : t('roster.progress.hint', { limit: request.timeLimitSeconds })}</p>
          </>
        )}
        <div className="form-actions">
          {failure ? (
            <button type="button" className="primary" onClick={props.onClose} autoFocus>
              {t('roster.close')}
            </button>
          ) : (
            <button type="button" onClick={cancel} disabled={cancelling} autoFocus>
              {t('roster.progress.cancel')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function PhaseSteps(props: { phase: RosterSolveProgress['phase']; failed: boolean }) {
  const { t } = useI18n();
  const current = props.phase === 'done' ? STEPS.length : STEPS.indexOf(props.phase as (typeof STEPS)[number]);
  return (
    <>
      <p className="solve-phase" role="status" aria-live="polite" data-testid="solve-phase">
        {props.failed ? t('roster.phase.failed') : t(`roster.phase.${props.phase}`)}
      </p>
      <ol className="phase-steps" aria-hidden="true">
        {STEPS.map((step, index) => (
          <li key={step} className={index < current ? 'step-done' : index === current ? (props.failed ? 'step-failed' : 'step-now') : 'step-later'}>
            {t(`roster.step.${step}`)}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * Indeterminate while nothing is known. Once the engine has a roster and a bound, the gap between
 * them drives the bar: it fills as the gap closes, which is what the wait is for.
 */
function ProgressBar({ progress }: { progress: RosterSolveProgress | null }) {
  const { t } = useI18n();
  const gap = progress?.gap;
  const late = progress && ['checking', 'explaining', 'saving', 'done'].includes(progress.phase);
  const value = late ? 100 : progress?.phase === 'solving' && typeof gap === 'number' && Number.isFinite(gap) ? Math.round(100 * (1 - Math.min(1, Math.max(0, gap)))) : null;
  return (
    <div
      className={value === null ? 'solve-bar solve-bar-indeterminate' : 'solve-bar'}
      role="progressbar"
      aria-label={t('roster.progress.bar')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
    >
      <div className="solve-bar-fill" style={value === null ? undefined : { width: `${value}%` }} />
    </div>
  );
}

function SolveFigures(props: { progress: RosterSolveProgress | null; limit: number }) {
  const { t } = useI18n();
  const progress = props.progress;
  const figures = [
    ['elapsed', t('roster.progress.elapsed'), t('roster.progress.secondsOf', { seconds: numberText(progress?.seconds ?? 0, 1), limit: props.limit })],
    ['objective', t('roster.progress.objective'), numberText(progress?.objective, 1)],
    ['bound', t('roster.progress.bound'), numberText(progress?.bound, 1)],
    ['gap', t('roster.progress.gap'), gapText(progress?.gap)],
  ] as const;
  return (
    <dl className="solve-figures">
      {figures.map(([key, label, value]) => (
        <div key={key} data-testid={`solve-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
