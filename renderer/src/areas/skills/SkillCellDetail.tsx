import { useEffect, useState } from 'react';
import type { Post, SkillChange, SkillMatrixRow, SkillLevel } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { useLatest } from '../../components/use-latest.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';
import { skillName } from './skill-labels.ts';

/** The focused cell: its level, dates, mentor, and every change made to it. */
export function SkillCellDetail(props: {
  row: SkillMatrixRow | null;
  post: Post | undefined;
  names: Map<number, string>;
  today: string;
  version: number;
  onSaveDate: (row: SkillMatrixRow, postId: number, level: SkillLevel, certifiedOn: string) => void;
}) {
  const { t, language } = useI18n();
  const languageNow = useLatest(language);
  const [history, setHistory] = useState<SkillChange[]>([]);
  const [historyFailure, setHistoryFailure] = useState<string | null>(null);
  const cell = props.row && props.post ? props.row.cells[String(props.post.id)] : undefined;
  const [date, setDate] = useState(cell?.certifiedOn ?? '');
  const staffId = props.row?.staffId;
  const postId = props.post?.id;

  useEffect(() => {
    setDate(cell?.certifiedOn ?? '');
  }, [cell?.certifiedOn, staffId, postId]);

  useEffect(() => {
    setHistoryFailure(null);
    if (staffId === undefined || postId === undefined) return setHistory([]);
    let current = true;
    call('skills/history', { staffId, postId }).then(
      (changes) => current && setHistory(changes),
      (caught: unknown) => {
        if (!current) return;
        // Not an empty history: the panel says the history could not be read, and why.
        setHistory([]);
        setHistoryFailure(plainMessage(caught, languageNow.current));
      },
    );
    return () => {
      current = false;
    };
  }, [staffId, postId, props.version, languageNow]);

  if (!props.row || !props.post) {
    return (
      <aside className="detail-panel" aria-label={t('skills.detail')}>
        <h2>{t('skills.detail')}</h2>
        <p className="muted">{t('skills.detail.none')}</p>
      </aside>
    );
  }
  const level = (cell?.level ?? 0) as SkillLevel;
  const row = props.row;
  const post = props.post;
  return (
    <aside className="detail-panel" aria-label={t('skills.detail')}>
      <h2>
        {row.name} · {skillName(post, language)}
      </h2>
      <p>
        <span className={`level-badge level-${level}`}>{t(`skills.level.${level}`)}</span>
      </p>
      {level > 0 ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            props.onSaveDate(row, post.id, level, date);
          }}
        >
          <label>
            {t('skills.certifiedOn')}
            <input type="date" value={date} max={props.today} onChange={(event) => setDate(event.target.value)} />
          </label>
          <button type="submit">{t('skills.saveDate')}</button>
        </form>
      ) : null}
      {level === 1 ? (
        <dl className="settings-facts">
          <dt>{t('skills.mentor')}</dt>
          <dd>{cell?.mentorId ? (props.names.get(cell.mentorId) ?? cell.mentorId) : '—'}</dd>
          <dt>{t('skills.targetDate')}</dt>
          <dd>{cell?.targetDate ?? '—'}</dd>
        </dl>
      ) : null}
      <h3>{t('skills.history')}</h3>
      {historyFailure ? (
        <p className="form-banner" role="alert">{t('app.error', { message: historyFailure })}</p>
      ) : history.length === 0 ? (
        <p className="muted">{t('skills.historyEmpty')}</p>
      ) : (
        <ol className="history" aria-label={t('skills.history')}>
          {history.map((change, index) => (
            <li key={index}>
              {t('skills.historyLine', {
                at: new Date(change.at).toLocaleString(language),
                actor: change.actor,
                from: t(`skills.level.${change.fromLevel as SkillLevel}`),
                to: t(`skills.level.${change.toLevel as SkillLevel}`),
              })}
              {change.note ? <span className="muted"> · {change.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
