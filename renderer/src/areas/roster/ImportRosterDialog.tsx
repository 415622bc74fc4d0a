import { useId, useState } from 'react';
import type { RosterSummary } from '../../../../electron/contract/areas/roster.ts';
import { ApiError, call } from '../../api/client.ts';
import { readAsBase64 } from '../../api/files.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { problemLines } from './roster-format.ts';
import type { SolveRequest } from './SolveProgressDialog.tsx';

/** Brings in a roster made elsewhere (the command line, another tool) as a draft for the chosen period and zones. */
export function ImportRosterDialog(props: { target: Omit<SolveRequest, 'timeLimitSeconds'>; targetLabel: string; onImported: (summary: RosterSummary) => void; onClose: () => void }) {
  const { t } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setProblems(null);
    try {
      const base64 = await readAsBase64(file);
      props.onImported(await call('roster/importRoster', { ...props.target, fileName: file.name, base64 }));
    } catch (caught) {
      setProblems(caught instanceof ApiError ? problemLines(caught.error) : [String(caught)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('roster.import.title')} onClose={props.onClose} wide>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p>{t('roster.import.target', { target: props.targetLabel })}</p>
        <p className="hint muted">{t('roster.import.hint')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('roster.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblems(null);
            }}
            autoFocus
          />
        </div>
        {busy ? <p role="status" className="progress">{t('roster.import.checking')}</p> : null}
        {problems ? (
          <div className="form-banner import-problems" role="alert" data-testid="import-problems">
            <p>{t('roster.import.refused', { n: problems.length })}</p>
            <ol>
              {problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ol>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!file || busy}>
            {t('roster.import.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
