import { useState } from 'react';
import type { BoardBreach } from '../../../../electron/contract/areas/board.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { breachText } from './board-model.ts';

/**
 * An edit that breaks a hard rule: the breaches in plain words, and a written reason the lead must
 * give to make it anyway (kept in the change log). On a published roster every change asks why,
 * breach or not, since the client sees it listed. Cancelling saves nothing.
 */
export function OverrideDialog(props: { what: string; breaches: BoardBreach[]; busy: boolean; onConfirm: (reason: string) => void; onClose: () => void }) {
  const { t, language } = useI18n();
  const breaking = props.breaches.length > 0;
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim().length === 0;
  return (
    <Dialog title={breaking ? t('board.override.title') : t('board.reason.title')} onClose={props.onClose}>
      <form
        className="override-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!missing) props.onConfirm(reason.trim());
        }}
      >
        <p className="override-what">{props.what}</p>
        <p>{breaking ? t('board.override.intro') : t('board.reason.intro')}</p>
        {breaking ? (
          <ul className="override-breaches">
            {props.breaches.map((breach, index) => (
              <li key={index}>{breachText(breach, language, t('board.overridden'))}</li>
            ))}
          </ul>
        ) : null}
        <label className="field">
          <span>{t('board.override.reason')}</span>
          <textarea
            value={reason}
            rows={3}
            maxLength={500}
            aria-required="true"
            autoFocus
            aria-invalid={tried && missing}
            aria-describedby={tried && missing ? 'override-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {tried && missing ? (
          <p id="override-reason-error" role="alert" className="form-error">
            {t('board.override.required')}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('board.override.cancel')}
          </button>
          <button type="submit" className={breaking ? 'danger' : 'primary'} disabled={props.busy}>
            {breaking ? t('board.override.confirm') : t('board.reason.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
