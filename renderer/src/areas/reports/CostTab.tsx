import type { BudgetComparison, CostMonth } from '../../../../electron/contract/areas/reports.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { CostChart } from './CostChart.tsx';
import { CostTable } from './CostTable.tsx';
import { MonthToolbar, ReportStatus, useMonthReport } from './month-report.tsx';
import { reportNames, signedYuanText, yuanText } from './report-format.ts';
import type { ReportsTabProps } from './tab-props.ts';

/** 成本: the month's cost in the bid's layout, the year so far, the budget against it, and each person. */
export function CostTab({ centre, info, onNotice }: ReportsTabProps) {
  const { t, language } = useI18n();
  const { chosen, setChosen, report, failure, loading } = useMonthReport('cost/month', info.today);
  const names = reportNames(centre, [], language, t('reports.centreWide'));
  return (
    <div className="reports-tab cost-tab">
      <MonthToolbar chosen={chosen} onChosen={setChosen} exportChannel="cost/export" disabled={!report} onNotice={onNotice} />
      <ReportStatus loading={loading} failure={failure} />
      {report ? (
        <div className="report-scroll">
          <section className="report-block" aria-labelledby="cost-table-title">
            <h2 id="cost-table-title">{t('cost.table.title', { year: report.year, month: report.month })}</h2>
            <p className="hint">
              {t('cost.table.basis', { city: report.city, year: report.rule.year, from: report.ruleFromMonth, floor: yuanText(report.rule.baseFloor), cap: yuanText(report.rule.baseCap), fee: report.rates.managementFeePercent, tax: report.rates.taxPercent })}
            </p>
            {report.rates.vatMode === 'dispatchDifference' ? <p className="hint" data-testid="cost-vat-mode">{t('cost.table.dispatchDifference')}</p> : null}
            <MinimumWageWarnings people={report.people.filter((person) => person.minimumWageShortfall > 0)} />
            <CostTable rows={report.table} rates={report.rates} yearLabel={t('cost.col.yearToDate')} t={t} testId="cost-table" />
          </section>
          <section className="report-block" aria-labelledby="cost-budget-title">
            <h2 id="cost-budget-title">{t('cost.budget.title')}</h2>
            {report.budget ? <BudgetTable rows={report.budget} t={t} /> : <p className="hint" data-testid="cost-no-budget">{t('cost.budget.none', { year: report.year })}</p>}
          </section>
          <section className="report-block" aria-labelledby="cost-chart-title">
            <h2 id="cost-chart-title">{t('cost.chart.title', { year: report.year })}</h2>
            <CostChart
              months={report.months}
              labels={{ manager: t('cost.category.manager'), window: t('cost.category.window'), desk: t('cost.category.desk'), title: t('cost.chart.title', { year: report.year }) }}
              monthLabel={(month) => t('cost.chart.month', { month })}
            />
          </section>
          <section className="report-block" aria-labelledby="cost-people-title">
            <h2 id="cost-people-title">{t('cost.people.title', { n: report.people.length })}</h2>
            <details>
              <summary>{t('cost.people.show')}</summary>
              <table className="plain-table cost-people" data-testid="cost-people">
                <thead>
                  <tr>
                    {(['employeeNo', 'name', 'zone', 'category', 'grade', 'wage', 'overtimePay', 'socialInsurance', 'employeeShare', 'managementFee', 'tax', 'total'] as const).map((column) => (
                      <th key={column} scope="col">{t(`cost.person.${column}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.people.map((person) => (
                    <tr key={person.staffId}>
                      <td>{person.employeeNo}</td>
                      <td>{person.name}</td>
                      <td>{names.zone(person.zoneId)}</td>
                      <td>{t(`cost.category.${person.category}`)}</td>
                      <td className="num">{person.grade}</td>
                      <td className="num">{yuanText(person.wage)}</td>
                      <td className="num">{yuanText(person.overtimePay)}</td>
                      <td className="num">{yuanText(person.socialInsurance)}</td>
                      <td className="num">{yuanText(person.employeeShare)}</td>
                      <td className="num">{yuanText(person.managementFee)}</td>
                      <td className="num">{yuanText(person.tax)}</td>
                      <td className="num">{yuanText(person.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </div>
      ) : null}
    </div>
  );
}

function BudgetTable({ rows, t }: { rows: BudgetComparison[]; t: Translate }) {
  return (
    <table className="plain-table cost-table" data-testid="cost-budget">
      <thead>
        <tr>
          <th scope="col">{t('cost.col.category')}</th>
          <th scope="col">{t('cost.budget.heads')}</th>
          <th scope="col">{t('cost.budget.monthlyBudget')}</th>
          <th scope="col">{t('cost.budget.monthlyActual')}</th>
          <th scope="col">{t('cost.budget.difference')}</th>
          <th scope="col">{t('cost.budget.ytdBudget')}</th>
          <th scope="col">{t('cost.budget.ytdActual')}</th>
          <th scope="col">{t('cost.budget.yearly')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category} data-category={row.category} className={row.category === 'total' ? 'total-row' : undefined}>
            <th scope="row">{t(`cost.category.${row.category}`)}</th>
            <td className="num">{`${row.actualHeadcount} / ${row.budgetHeadcount}`}</td>
            <td className="num">{yuanText(row.budgetMonthly)}</td>
            <td className="num">{yuanText(row.actualMonthly)}</td>
            <td className={row.difference > 0 ? 'num not-met' : 'num met'}>
              {signedYuanText(row.difference)}
              {row.differencePercent === null ? '' : `（${row.differencePercent > 0 ? '+' : ''}${row.differencePercent}%）`}
            </td>
            <td className="num">{yuanText(row.budgetYearToDate)}</td>
            <td className="num">{yuanText(row.actualYearToDate)}</td>
            <td className="num">{yuanText(row.budgetYearly)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Those whose wage for normal hours (overtime and allowances left out) is below the city's minimum this month. */
function MinimumWageWarnings({ people }: { people: CostMonth['people'] }) {
  const { t } = useI18n();
  if (people.length === 0) return null;
  return (
    <div className="form-banner" role="alert" data-testid="cost-minimum-wage">
      <p>{t('cost.minimumWage.title', { n: people.length })}</p>
      <ul>
        {people.map((person) => (
          <li key={person.staffId}>{t('cost.minimumWage.person', { no: person.employeeNo, name: person.name, wage: yuanText(person.wage), short: yuanText(person.minimumWageShortfall) })}</li>
        ))}
      </ul>
    </div>
  );
}
