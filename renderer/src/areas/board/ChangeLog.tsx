import { useEffect, useState } from 'react';
import type { BoardChange } from '../../../../electron/contract/areas/board.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';
import { moveText } from './board-model.ts';
import type { BoardNames } from './board-names.ts';

/** 变更记录: who changed what, when and why; "发布后的变更" keeps those after publication. */
export function ChangeLog(props: { rosterId: number; names: BoardNames | null; published: boolean; version: number }) {
  const { t, language } = useI18n();
  const [sincePublication, setSincePublication] = useState(props.published);
  const [changes, setChanges] = useState<BoardChange[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setFailure(null);
    call('board/changes', { rosterId: props.rosterId, sincePublication }).then(
      (found) => live && setChanges(found),
      (caught: unknown) => live && setFailure(plainMessage(caught, language)),
    );
    return () => {
      live = false;
    };
  }, [props.rosterId, sincePublication, props.version, language]);

  const names = props.names;
  const words = names
    ? { day: names.day, shift: names.shift, post: names.post, off: t('board.off'), learner: t('roster.learner') }
    : null;
  return (
    <div className="change-log">
      <div className="toolbar">
        <label className="check-row">
          <input type="checkbox" checked={sincePublication} onChange={(event) => setSincePublication(event.target.checked)} />
          {t('board.changes.sincePublication')}
        </label>
      </div>
      {failure ? <p role="alert" className="form-error">{failure}</p> : null}
      {changes && changes.length === 0 ? <p className="empty-line muted">{t('board.changes.none')}</p> : null}
      {changes && changes.length > 0 && words ? (
        <div className="roster-scroll">
          <table className="roster-table change-table">
            <thead>
              <tr>
                <th scope="col">{t('board.changes.at')}</th>
                <th scope="col">{t('board.changes.actor')}</th>
                <th scope="col">{t('board.changes.kind')}</th>
                <th scope="col">{t('board.changes.moves')}</th>
                <th scope="col">{t('board.changes.reason')}</th>
                <th scope="col">{t('board.changes.override')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id} data-change-id={change.id}>
                  <td data-col="at">{atText(change.at)}</td>
                  <td data-col="actor">{change.actor}</td>
                  <td data-col="kind">
                    {t(`board.changes.kind.${change.kind}`)}
                    {change.afterPublication ? <span className="after-pub-tag">{t('board.changes.afterPublication')}</span> : null}
                  </td>
                  <td data-col="moves" className="col-moves">
                    {change.moves.map((move, index) => (
                      <div key={index}>{moveText(move, words)}</div>
                    ))}
                  </td>
                  <td data-col="reason" className="col-text">{change.reason ?? ''}</td>
                  <td data-col="override" className="col-text">{change.overrideReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** "2026-11-22 10:00" from the ISO instant, in the hall's local time. */
function atText(at: string): string {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}
