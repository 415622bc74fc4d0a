import type { RosterReplacement, RosterSummary } from '../../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { rangeLabel, stampText, zonesLabel } from './roster-format.ts';

/** Nothing replaces a published roster unless the user has seen which one, which zones and days, and said so. */
export function ReplaceConfirmDialog(props: { replaces: RosterReplacement[]; zones: Zone[]; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t, language } = useI18n();
  return (
    <Dialog title={t('roster.replace.title')} onClose={props.onClose}>
      <div className="form-stack" data-testid="replace-confirm">
        <p>{props.replaces.length > 0 ? t('roster.replace.body', { n: props.replaces.length }) : t('roster.replace.bodyUnknown')}</p>
        {props.replaces.length > 0 ? (
          <ul className="replace-list">
            {props.replaces.map((part) => (
              <li key={part.roster.id}>
                {t('roster.replace.part', {
                  id: part.roster.id,
                  range: rangeLabel(part.roster.from, part.roster.to, t),
                  at: stampText(part.roster.publishedAt),
                })}
                <br />
                <strong>
                  {part.whole
                    ? t('roster.replace.whole')
                    : t('roster.replace.only', { zones: zonesLabel(part.zoneIds, props.zones, language, t), range: rangeLabel(part.from, part.to, t) })}
                </strong>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="hint muted">{t('roster.replace.note')}</p>
        <div className="form-actions">
          <button type="button" onClick={props.onClose} autoFocus>
            {t('form.cancel')}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy}>
            {t('roster.replace.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function DiscardConfirmDialog(props: { summary: RosterSummary; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('roster.discard.title')} onClose={props.onClose}>
      <div className="form-stack" data-testid="discard-confirm">
        <p>{t('roster.discard.body', { period: rangeLabel(props.summary.from, props.summary.to, t) })}</p>
        <div className="form-actions">
          <button type="button" onClick={props.onClose} autoFocus>
            {t('form.cancel')}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy}>
            {t('roster.discard.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
