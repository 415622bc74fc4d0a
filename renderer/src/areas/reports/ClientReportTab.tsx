import { useState } from 'react';
import { PrintLayer } from '../../components/PrintLayer.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ClientReportDocument } from './ClientReportDocument.tsx';
import { MonthToolbar, ReportStatus, useMonthReport } from './month-report.tsx';
import type { ReportsTabProps } from './tab-props.ts';

/** 月度报告: the client's report of a month, shown as it prints; 打印 opens it on A4. */
export function ClientReportTab({ centre, info, onNotice }: ReportsTabProps) {
  const { t, language } = useI18n();
  const { chosen, setChosen, report, failure, loading } = useMonthReport('reports/client', info.today);
  const [printing, setPrinting] = useState(false);
  const document = report ? <ClientReportDocument report={report} centre={centre} today={info.today} language={language} t={t} /> : null;
  return (
    <div className="reports-tab">
      <MonthToolbar chosen={chosen} onChosen={setChosen} exportChannel="reports/exportClient" disabled={!report} onNotice={onNotice}>
        <button type="button" className="primary" onClick={() => setPrinting(true)} disabled={!report}>
          {t('reports.print')}
        </button>
      </MonthToolbar>
      <ReportStatus loading={loading} failure={failure} />
      {document ? <div className="report-sheet">{document}</div> : null}
      {printing && report ? (
        <PrintLayer
          title={t('client.printTitle')}
          fileName={`${t('client.fileTitle')}-${report.year}-${String(report.month).padStart(2, '0')}.pdf`}
          orientation="portrait"
          onClose={() => setPrinting(false)}
        >
          {document}
        </PrintLayer>
      ) : null}
    </div>
  );
}
