import { useRef, useState, type ReactNode } from 'react';
import type { ImportReport, TransferFormat, TransferKind } from '../../../electron/contract/model.ts';
import { ApiError, call } from '../api/client.ts';
import { downloadPayload, readAsBase64 } from '../api/files.ts';
import { isMessageKey, useI18n, type Translate } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';

/**
 * Import, export and template buttons for one kind of data. An import is checked in full first;
 * the user sees every bad row and chooses to import all (only when clean) or only the good rows.
 */
export function TransferControls(props: { kind: TransferKind; onImported: () => void; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const [importing, setImporting] = useState(false);

  async function download(channel: 'transfer/export' | 'transfer/template', format: TransferFormat) {
    try {
      downloadPayload(await call(channel, { kind: props.kind, format }));
    } catch (caught) {
      props.onNotice(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }), 'error');
    }
  }

  return (
    <div className="transfer-controls" role="group" aria-label={t('transfer.export')}>
      <button type="button" onClick={() => setImporting(true)}>{t('transfer.import')}</button>
      <MenuButton label={t('transfer.export')}>
        <button type="button" onClick={() => void download('transfer/export', 'xlsx')}>{t('transfer.exportXlsx')}</button>
        <button type="button" onClick={() => void download('transfer/export', 'csv')}>{t('transfer.exportCsv')}</button>
      </MenuButton>
      <MenuButton label={t('transfer.template')}>
        <button type="button" onClick={() => void download('transfer/template', 'xlsx')}>{t('transfer.templateXlsx')}</button>
        <button type="button" onClick={() => void download('transfer/template', 'csv')}>{t('transfer.templateCsv')}</button>
      </MenuButton>
      {importing ? (
        <ImportDialog
          kind={props.kind}
          onClose={() => setImporting(false)}
          onDone={(text) => {
            setImporting(false);
            props.onNotice(text, 'ok');
            props.onImported();
          }}
        />
      ) : null}
    </div>
  );
}

/** A small drop-down on <details>: keyboard-reachable, closes when one of its items is chosen. */
function MenuButton(props: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="menu-button" ref={ref} onClick={(event) => (event.target as HTMLElement).tagName === 'BUTTON' && ref.current?.removeAttribute('open')}>
      <summary>{props.label}</summary>
      <div className="menu-items">{props.children}</div>
    </details>
  );
}

/** Backend details read "rule: value" or "line N: value"; the rule and the line are put into words. */
export function detailText(detail: string, t: Translate): string {
  return detail
    .replace(/^([a-z_]+): /, (whole, rule: string) => {
      const key = `problem.${rule}`;
      return isMessageKey(key) ? `${t(key)}：` : whole;
    })
    .replace(/\bline (\d+)\b/g, (_whole, line: string) => t('transfer.lineRef', { line }));
}

function ImportDialog(props: { kind: TransferKind; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const file = useRef<{ fileName: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setReport(null);
    setFailure(null);
    setBusy(t('transfer.checking'));
    try {
      file.current = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setReport(await call('transfer/check', file.current));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  async function apply(goodRowsOnly: boolean) {
    if (!file.current) return;
    setBusy(t('transfer.checking'));
    try {
      const result = await call('transfer/apply', { ...file.current, goodRowsOnly });
      props.onDone(result.written === 0 ? t('transfer.nothingToDo') : t('transfer.applied', { written: result.written }));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  // Problems without wording of ours are shown as the backend named them.
  const problemLabel = (problem: string) => {
    const key = `transfer.problem.${problem}`;
    return isMessageKey(key) ? t(key) : problem;
  };
  const bad = report?.errors.length ?? 0;
  return (
    <Dialog title={t('transfer.title', { kind: t(`transfer.kind.${props.kind}`) })} onClose={props.onClose} wide>
      <div className="form-stack">
        <label className="field">
          <span>{t('transfer.choose')}</span>
          <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        {busy ? <p role="status" className="progress">{busy}</p> : null}
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        {report ? (
          <>
            <p role="status" data-testid="import-summary">
              {t('transfer.report', { total: report.totalRows, good: report.goodRows, bad, create: report.toCreate, update: report.toUpdate, same: report.unchanged })}
            </p>
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
            <button type="button" onClick={() => void apply(true)} disabled={busy !== null}>{t('transfer.applyGood', { good: report.goodRows })}</button>
          ) : null}
          <button type="button" className="primary" onClick={() => void apply(false)} disabled={!report || bad > 0 || busy !== null}>
            {t('transfer.applyAll')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
