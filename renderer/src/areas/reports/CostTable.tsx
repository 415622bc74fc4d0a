import type { CostTableRow } from '../../../../electron/contract/areas/reports.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { yuanText } from './report-format.ts';

/**
 * The bid's table (seed 001): per category the wage, overtime, social insurance, management fee and
 * tax per person, the cost per person per month, the head count, the month and the year.
 */
export function CostTable({ rows, rates, yearLabel, t, testId }: { rows: CostTableRow[]; rates: { managementFeePercent: number; taxPercent: number }; yearLabel: string; t: Translate; testId: string }) {
  return (
    <table className="plain-table cost-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('cost.col.category')}</th>
          <th scope="col">{t('cost.col.wage')}</th>
          <th scope="col">{t('cost.col.overtime')}</th>
          <th scope="col">{t('cost.col.socialInsurance')}</th>
          <th scope="col">{t('cost.col.fee', { percent: rates.managementFeePercent })}</th>
          <th scope="col">{t('cost.col.tax', { percent: rates.taxPercent })}</th>
          <th scope="col">{t('cost.col.perPerson')}</th>
          <th scope="col">{t('cost.col.headcount')}</th>
          <th scope="col">{t('cost.col.monthly')}</th>
          <th scope="col">{yearLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category} data-category={row.category} className={row.category === 'total' ? 'total-row' : undefined}>
            <th scope="row">{t(`cost.category.${row.category}`)}</th>
            <td className="num">{yuanText(row.wagePerPerson)}</td>
            <td className="num">{yuanText(row.overtimePerPerson)}</td>
            <td className="num">{yuanText(row.socialInsurancePerPerson)}</td>
            <td className="num">{yuanText(row.managementFeePerPerson)}</td>
            <td className="num">{yuanText(row.taxPerPerson)}</td>
            <td className="num">{yuanText(row.perPersonMonthly)}</td>
            <td className="num">{row.headcount}</td>
            <td className="num" data-testid={`${testId}-monthly-${row.category}`}>{yuanText(row.monthlyTotal)}</td>
            <td className="num">{yuanText(row.yearlyTotal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
