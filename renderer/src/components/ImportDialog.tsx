import { useRef, useState } from 'react';
import type { ImportRowError, ImportUpdate } from '../../../electron/contract/model.ts';
import { ApiError } from '../api/client.ts';
import { readAsBase64 } from '../api/files.ts';
import { isMessageKey, useI18n, type Translate } from '../i18n/i18n.tsx';
import { errorDetail } from './import-detail.ts';
import { Dialog } from './Dialog.tsx';

export interface Upload {
  fileName: string;
  base64: string;
}

export interface CheckedFile {
  totalRows: number;
  goodRows: number;
  errors: ImportRowError[];
  /** Updates of stored records, field by field, shown before the user applies. */
  updates?: ImportUpdate[];
}

/** How many bad rows the dialog lists; a file with more still names the count in the summary. */
const LISTED_ERRORS = 500;

/**
 * Every import of the app: the file is checked in full first, the user sees every bad row with
 * its line, column and reason, and chooses to import all (only when clean) or only the good rows.
 */
export function ImportDialog<R extends CheckedFile>(props: {
  title: string;
  check: (upload: Upload) => Promise<R>;
  /** Writes the file and returns what to tell the user. */
  apply: (upload: Upload, goodRowsOnly: boolean) => Promise<string>;
  summary: (report: R) => string;
  /** Message-key prefixes for problem codes, most specific first; `transfer.problem.` is always tried. */
  problemPrefixes?: string[];
  applyAllLabel: string;
  applyGoodLabel: (good: number) => string;
  summaryTestId: string;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const upload = useRef<Upload | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(label: string, work: () => Promise<void>) {
    setBusy(label);
    setFailure(null);
    try {
      await work();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  const choose = (chosen: File | undefined) =>
    chosen &&
    run(t('transfer.checking'), async () => {
      setReport(null);
      upload.current = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setReport(await props.check(upload.current));
    });

  const apply = (goodRowsOnly: boolean) =>
    upload.current && run(t('transfer.checking'), async () => props.onDone(await props.apply(upload.current as Upload, goodRowsOnly)));

  const prefixes = [...(props.problemPrefixes ?? []), 'transfer.problem.'];
  const problemLabel = (problem: string) => {
    const key = prefixes.map((prefix) => `${prefix}${problem}`).find(isMessageKey);
    return key ? t(key) : problem;
  };
  const bad = report?.errors.length ?? 0;
  return (
    <Dialog title={props.title} onClose={props.onClose} wide>
      <div className="form-stack">
        <label className="field">
          <span>{t('transfer.choose')}</span>
          <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        {busy ? <p role="status" className="progress">{busy}</p> : null}
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        {report ? <p role="status" data-testid={props.summaryTestId}>{props.summary(report)}</p> : null}
        {report && bad > 0 ? <ErrorTable errors={report.errors} problemLabel={problemLabel} t={t} /> : null}
        {report?.updates && report.updates.length > 0 ? <UpdateList updates={report.updates} t={t} /> : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          {report && bad > 0 && report.goodRows > 0 ? (
            <button type="button" onClick={() => void apply(true)} disabled={busy !== null}>{props.applyGoodLabel(report.goodRows)}</button>
          ) : null}
          <button type="button" className="primary" onClick={() => void apply(false)} disabled={!report || bad > 0 || busy !== null}>
            {props.applyAllLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function ErrorTable(props: { errors: ImportRowError[]; problemLabel: (problem: string) => string; t: Translate }) {
  const { t } = props;
  return (
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
          {props.errors.slice(0, LISTED_ERRORS).map((error, index) => (
            <tr key={index}>
              <td>{error.line || '—'}</td>
              <td>{error.column ?? '—'}</td>
              <td>{props.problemLabel(error.problem)}</td>
              <td>{errorDetail(error, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a listed update would change, person by person, field by field: read before 导入 is pressed. */
function UpdateList(props: { updates: ImportUpdate[]; t: Translate }) {
  const { t } = props;
  const shown = (value: string) => (value === '' ? t('transfer.emptyValue') : value);
  return (
    <section className="report-scroll" aria-label={t('transfer.updatesTitle')} data-testid="import-updates">
      <h3>{t('transfer.updatesTitle')}</h3>
      <ul>
        {props.updates.slice(0, LISTED_ERRORS).map((update) => (
          <li key={update.line}>
            {t('transfer.updateWho', { line: update.line, name: update.name, employeeNo: update.employeeNo })}
            <ul>
              {update.changes.map((change) => (
                <li key={change.column}>{t('transfer.change', { column: change.column, from: shown(change.from), to: shown(change.to) })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
