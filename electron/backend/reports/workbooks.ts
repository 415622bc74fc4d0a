/**
 * The reports as workbooks, laid out as they print: a title, a bold header repeated on every page,
 * money and hours as numbers Excel can add up, A4. Words are the centre's (Chinese), as the printed
 * schedule's are.
 */
import type { ClientMonthReport, CostMonth, HoursBreach, HoursReport } from '../../contract/areas/reports.ts';
import type { FilePayload } from '../../contract/model.ts';
import { LEAVE_NAMES_ZH, type CentreNames } from './names.ts';
import { monthKey } from './hours.ts';
import { writePrintableSheets, type PrintableCell, type PrintableSheet } from '../transfer/xlsx.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOURS_FORMAT = '0.0';
const COUNT_FORMAT = '0';
const PERCENT_FORMAT = '0.0"%"';
/** Days in halves and quarters: '0.##' would show a whole day as "2.". */
const DAYS_FORMAT = '0.0#';
const SIGN_OFF = [[''], ['制表：', '', '审核：', '', '服务对象确认：', '', '日期：']];

export const CATEGORY_NAMES_ZH = { manager: '管理负责人', window: '窗口服务人员', desk: '咨询引导人员', total: '合计' } as const;
const KIND_NAMES_ZH = { gap: '缺口', no_backup: '单点风险' } as const;
const CONTRACT_NAMES_ZH = { standard: '标准工时', comprehensive: '综合计算工时' } as const;

function payload(fileName: string, bytes: Buffer): FilePayload {
  return { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64') };
}

function monthTitle(year: number, month: number): string {
  return `${year}年${month}月`;
}

export async function clientWorkbook(report: ClientMonthReport, names: CentreNames, today: string): Promise<FilePayload> {
  const title = (what: string) => [[report.centreNameZh], [`${monthTitle(report.year, report.month)} ${what}`, '', `制表日期 ${today}`]];
  const duty: PrintableSheet = {
    name: '在岗率',
    titleRows: title('窗口服务在岗率'),
    rows: [
      ['区域', '合同岗位数', '合同岗位·日', '实际在岗·日', '在岗率', '合同目标', '缺岗日', '是否达标'],
      ...report.duty.zones.map((zone): PrintableCell[] => [
        names.zone(zone.zoneId), zone.contractedPosts, zone.contractedPostDays, zone.staffedPostDays, zone.ratePercent ?? '—',
        report.duty.targetPercent, zone.shortDays.length, zone.met ? '达标' : '未达标',
      ]),
      ['全中心', '', report.duty.centre.contractedPostDays, report.duty.centre.staffedPostDays, report.duty.centre.ratePercent ?? '—', report.duty.targetPercent, '', report.duty.centre.met ? '达标' : '未达标'],
    ],
    widths: [14, 12, 12, 12, 10, 10, 8, 10],
    numberFormats: { 1: COUNT_FORMAT, 2: COUNT_FORMAT, 3: COUNT_FORMAT, 4: PERCENT_FORMAT, 5: PERCENT_FORMAT, 6: COUNT_FORMAT },
    orientation: 'portrait',
    footerRows: SIGN_OFF,
  };
  const incidents: PrintableSheet = {
    name: '缺口与单点风险',
    titleRows: title('排班缺口与单点风险'),
    rows: [
      ['日期', '班次', '区域', '岗位', '窗口', '类型', '在岗', '需要', '原因'],
      ...report.incidents.map((incident): PrintableCell[] => [
        incident.date, names.shift(incident.shiftCode), names.zone(incident.zoneId), names.post(incident.postId), incident.windowCodes.join('、'),
        KIND_NAMES_ZH[incident.kind], incident.assigned, incident.required, incident.reasonZh,
      ]),
    ],
    widths: [11, 8, 10, 14, 12, 9, 6, 6, 60],
    numberFormats: { 6: COUNT_FORMAT, 7: COUNT_FORMAT },
    orientation: 'landscape',
    wrap: true,
    footerRows: [
      ...(report.unrostered.length > 0 ? [[''], ['未发布排班：', report.unrostered.map((line) => `${names.zone(line.zoneId)} ${line.days.join('、')}`).join('；')]] : []),
      [''],
      ['A/B 岗不全的窗口：', report.abGaps.length === 0 ? '无' : report.abGaps.map((gap) => `${gap.windowCode}（缺${gap.missing === 'AB' ? 'A、B' : gap.missing}岗）`).join('、')],
    ],
  };
  const leaveTypes = Object.keys(LEAVE_NAMES_ZH) as (keyof typeof LEAVE_NAMES_ZH)[];
  const leave: PrintableSheet = {
    name: '请假与缺勤',
    titleRows: title('请假与缺勤汇总（天 / 次）'),
    rows: [
      ['区域', '人数', ...leaveTypes.map((type) => LEAVE_NAMES_ZH[type]), '旷工（天）', '迟到（次）', '早退（次）', '缺卡（次）'],
      ...report.leave.map((line): PrintableCell[] => [
        line.zoneId === null ? '全中心' : names.zone(line.zoneId), line.people, ...leaveTypes.map((type) => line.leaveDays[type]),
        line.absentDays, line.lateCount, line.earlyCount, line.missingCount,
      ]),
    ],
    widths: [14, 6, ...leaveTypes.map(() => 8), 9, 9, 9, 9],
    numberFormats: {
      1: COUNT_FORMAT, ...Object.fromEntries(leaveTypes.map((_, i) => [2 + i, DAYS_FORMAT])), [2 + leaveTypes.length]: DAYS_FORMAT,
      [3 + leaveTypes.length]: COUNT_FORMAT, [4 + leaveTypes.length]: COUNT_FORMAT, [5 + leaveTypes.length]: COUNT_FORMAT,
    },
    orientation: 'landscape',
    footerRows: SIGN_OFF,
  };
  return payload(`月度报告-${monthKey(report.year, report.month)}.xlsx`, await writePrintableSheets([duty, incidents, leave]));
}

export async function hoursWorkbook(report: HoursReport, names: CentreNames, centreNameZh: string, today: string): Promise<FilePayload> {
  const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  const header = ['工号', '姓名', '区域', '工时制', '出勤工时', '标准工时内', '加班 150%', '加班 200%', '加班 300%', '加班合计', '调休抵扣', '调休存入', '到期支付', '调休余额', '计划工时', '违规'];
  const rows = report.rows.map((row): PrintableCell[] => [
    row.employeeNo, row.name, names.zone(row.zoneId), CONTRACT_NAMES_ZH[row.contract], hours(row.workedMinutes), hours(row.regularMinutes),
    hours(row.overtime150Minutes), hours(row.overtime200Minutes), hours(row.overtime300Minutes), hours(row.overtimeMinutes), hours(row.lieuMinutes),
    hours(row.bankedMinutes), hours(row.payoutMinutes), hours(row.balanceMinutes), hours(row.plannedMinutes), row.breaches.map(breachText).join('；'),
  ]);
  const sheet: PrintableSheet = {
    name: '工时与加班',
    titleRows: [[centreNameZh], [`${monthTitle(report.year, report.month)} 工时与加班（小时）`, '', `制表日期 ${today}`]],
    rows: [header, ...rows],
    widths: [9, 8, 12, 12, 9, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 34],
    numberFormats: Object.fromEntries([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((column) => [column, HOURS_FORMAT])),
    orientation: 'landscape',
    wrap: true,
    footerRows: SIGN_OFF,
  };
  return payload(`工时与加班-${monthKey(report.year, report.month)}.xlsx`, await writePrintableSheets([sheet]));
}

/** A breach in the words of the sheet: "本月加班 40.0 小时，超过 36 小时上限". */
export function breachText(breach: HoursBreach): string {
  const hours = (minutes: number) => (minutes / 60).toFixed(1);
  if (breach.rule === 'monthly_overtime_cap') return `本月加班 ${hours(breach.minutes)} 小时，超过 ${hours(breach.capMinutes)} 小时上限`;
  if (breach.rule === 'daily_overtime_cap') return `${breach.date} 加班 ${hours(breach.minutes)} 小时，超过每日 ${hours(breach.capMinutes)} 小时上限`;
  return `综合工时周期 ${breach.from} 至 ${breach.to} 加班 ${hours(breach.minutes)} 小时，超过 ${hours(breach.capMinutes)} 小时上限`;
}

export async function costWorkbook(cost: CostMonth, names: CentreNames, today: string): Promise<FilePayload> {
  const title = (what: string) => [[cost.centreNameZh], [`${monthTitle(cost.year, cost.month)} ${what}`, '', `制表日期 ${today}`]];
  const moneyColumns = (from: number, to: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, '#,##0.00']));
  const table: PrintableSheet = {
    name: '费用测算表',
    titleRows: title(`服务人员费用表（${cost.city}，社保基数 ${cost.rule.baseFloor}–${cost.rule.baseCap} 元，管理费 ${cost.rates.managementFeePercent}%，税率 ${cost.rates.taxPercent}%）`),
    rows: [
      ['人员', '工资标准', '加班费', '社保', `管理费 ${cost.rates.managementFeePercent}%`, `税费 ${cost.rates.taxPercent}%`, '每人每月费用', '岗位人数', '月度合计', '年度合计（本年累计）'],
      ...cost.table.map((row): PrintableCell[] => [
        CATEGORY_NAMES_ZH[row.category], row.wagePerPerson, row.overtimePerPerson, row.socialInsurancePerPerson, row.managementFeePerPerson,
        row.taxPerPerson, row.perPersonMonthly, row.headcount, row.monthlyTotal, row.yearlyTotal,
      ]),
    ],
    widths: [14, 11, 10, 10, 11, 11, 13, 9, 13, 16],
    numberFormats: { ...moneyColumns(1, 6), 7: COUNT_FORMAT, ...moneyColumns(8, 9) },
    orientation: 'landscape',
    footerRows: SIGN_OFF,
  };
  const people: PrintableSheet = {
    name: '人员明细',
    titleRows: title('人员费用明细'),
    rows: [
      ['工号', '姓名', '区域', '类别', '薪级', '月工资', '在职比例', '应发工资', '加班费', '社保基数', '社保', '管理费', '税费', '合计'],
      ...cost.people.map((row): PrintableCell[] => [
        row.employeeNo, row.name, names.zone(row.zoneId), CATEGORY_NAMES_ZH[row.category], row.grade, row.monthlyWage, row.employedShare,
        row.wage, row.overtimePay, row.socialInsuranceBase, row.socialInsurance, row.managementFee, row.tax, row.total,
      ]),
    ],
    widths: [9, 8, 12, 12, 6, 10, 8, 10, 9, 10, 9, 9, 9, 11],
    numberFormats: { 4: COUNT_FORMAT, 5: '#,##0.00', 6: '0.00', ...moneyColumns(7, 13) },
    orientation: 'landscape',
  };
  const sheets = [table, people];
  if (cost.budget) {
    sheets.push({
      name: '预算对比',
      titleRows: title('预算与实际'),
      rows: [
        ['人员', '预算人数', '实际人数', '预算月度', '实际月度', '差额', '差额比例', '预算年度', '预算本年累计', '实际本年累计'],
        ...cost.budget.map((row): PrintableCell[] => [
          CATEGORY_NAMES_ZH[row.category], row.budgetHeadcount, row.actualHeadcount, row.budgetMonthly, row.actualMonthly, row.difference,
          row.differencePercent ?? '—', row.budgetYearly, row.budgetYearToDate, row.actualYearToDate,
        ]),
      ],
      widths: [14, 9, 9, 12, 12, 12, 9, 14, 14, 14],
      numberFormats: { 1: COUNT_FORMAT, 2: COUNT_FORMAT, ...moneyColumns(3, 5), 6: PERCENT_FORMAT, ...moneyColumns(7, 9) },
      orientation: 'landscape',
    });
  }
  return payload(`费用测算-${monthKey(cost.year, cost.month)}.xlsx`, await writePrintableSheets(sheets));
}
