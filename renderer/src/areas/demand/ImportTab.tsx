import { useCallback, useEffect, useRef, useState } from 'react';
import type { BusinessType } from '../../../../electron/contract/areas/demand.ts';
import type { ImportReport } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { readAsBase64 } from '../../api/files.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { detailText } from '../../components/TransferControls.tsx';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { errorText, waitText } from './format.ts';
import type { DemandTabProps } from './tab-props.ts';

/** 导入: the queue system's tickets, and the business types they are counted under. */
export function ImportTab(props: DemandTabProps) {
  const { t, language } = useI18n();
  const { onNotice, centre } = props;
  const [types, setTypes] = useState<BusinessType[] | null>(null);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setTypes(await call('demand/businessTypes', {}));
    } catch (caught) {
      onNotice(errorText(caught, t), 'error');
    }
  }, [onNotice, t]);
  useEffect(() => void load(), [load]);

  const nameOf = (item: { nameZh: string; nameEn: string } | undefined) => (item ? (language === 'zh-CN' ? item.nameZh : item.nameEn) : '—');
  return (
    <div className="demand-tab">
      <section className="demand-section import-help" aria-labelledby="demand-import-title">
        <div className="toolbar">
          <h2 id="demand-import-title">{t('demand.import.title')}</h2>
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            {t('demand.import.open')}
          </button>
        </div>
        <p>{t('demand.import.hint')}</p>
        <ol className="import-shapes">
          <li>
            <strong>{t('demand.import.shapeTickets')}</strong>
            <br />
            <span className="muted">{t('demand.import.shapeTicketsNote')}</span>
          </li>
          <li>
            <strong>{t('demand.import.shapeDaily')}</strong>
            <br />
            <span className="muted">{t('demand.import.shapeDailyNote')}</span>
          </li>
        </ol>
      </section>
      <section className="demand-section" aria-labelledby="demand-types-title">
        <h2 id="demand-types-title">{t('demand.types.title')}</h2>
        {types === null ? (
          <p role="status" className="progress">{t('demand.types.loading')}</p>
        ) : types.length === 0 ? (
          <p className="muted">{t('demand.types.none')}</p>
        ) : (
          <div className="demand-scroll types-scroll">
            <table className="plain-table demand-types" aria-labelledby="demand-types-title">
              <thead>
                <tr>
                  <th scope="col">{t('demand.types.code')}</th>
                  <th scope="col">{t('demand.types.name')}</th>
                  <th scope="col">{t('demand.types.zone')}</th>
                  <th scope="col">{t('demand.types.skill')}</th>
                  <th scope="col" className="num">{t('demand.types.handle')}</th>
                  <th scope="col">{t('demand.types.active')}</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type, rowIndex) => (
                  <tr key={type.id} data-row-index={rowIndex} data-code={type.code} className={type.active ? undefined : 'muted'}>
                    <td>{type.code}</td>
                    <td>{nameOf(type)}</td>
                    <td>{nameOf(centre.zones.find((zone) => zone.id === type.zoneId))}</td>
                    <td>{nameOf(centre.posts.find((post) => post.id === type.postId))}</td>
                    <td className="num" data-col="handle">{type.meanHandleSeconds === null ? t('demand.noData') : waitText(type.meanHandleSeconds, t)}</td>
                    <td>{type.active ? t('demand.types.isActive') : t('demand.types.inactive')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {importing ? (
        <TicketImportDialog
          onClose={() => setImporting(false)}
          onDone={(written) => {
            setImporting(false);
            onNotice(t('demand.import.applied', { written }), 'ok');
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

/** Checked in full first; every bad row is listed, and the user imports all (only when clean) or the good rows. */
function TicketImportDialog(props: { onClose: () => void; onDone: (written: number) => void }) {
  const { t } = useI18n();
  const file = useRef<{ fileName: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setReport(null);
    setFailure(null);
    setBusy(true);
    try {
      file.current = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setReport(await call('demand/importCheck', file.current));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  async function apply(goodRowsOnly: boolean) {
    if (!file.current) return;
    setBusy(true);
    try {
      props.onDone((await call('demand/importApply', { ...file.current, goodRowsOnly })).written);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  // Problems of this import first, then the ones every import shares, else the backend's own name.
  const problemLabel = (problem: string) => {
    for (const key of [`demand.importProblem.${problem}`, `transfer.problem.${problem}`]) if (isMessageKey(key)) return t(key);
    return problem;
  };
  const bad = report?.errors.length ?? 0;
  return (
    <Dialog title={t('demand.import.title')} onClose={props.onClose} wide>
      <div className="form-stack">
        <label className="field">
          <span>{t('transfer.choose')}</span>
          <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        {busy ? <p role="status" className="progress">{t('transfer.checking')}</p> : null}
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        {report ? (
          <>
            <p role="status" data-testid="demand-import-summary">{t('demand.import.report', { total: report.totalRows, good: report.goodRows, bad })}</p>
            {bad > 0 ? (
              <div className="report-scroll">
                <table className="plain-table" aria-label={t('transfer.errorsTitle')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('transfer.line')}</th>
                      <th scope="col">{t('transfer.column')}</th>
                      <th scope="col">{t('transfer.problem')}</th>
                      <th scope="col">{t('transfer.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((error, index) => (
                      <tr key={index}>
                        <td>{error.line || '—'}</td>
                        <td>{error.column ?? '—'}</td>
                        <td>{problemLabel(error.problem)}</td>
                        <td>{detailText(error.detail, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          {report && bad > 0 && report.goodRows > 0 ? (
            <button type="button" onClick={() => void apply(true)} disabled={busy}>{t('demand.import.applyGood', { good: report.goodRows })}</button>
          ) : null}
          <button type="button" className="primary" onClick={() => void apply(false)} disabled={!report || bad > 0 || busy}>
            {t('demand.import.applyAll')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
