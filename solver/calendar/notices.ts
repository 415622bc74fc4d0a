import type { HolidayNotice } from './china-calendar.ts';

/**
 * Notices that ship with the app. 2026: 国务院办公厅关于2026年部分节假日安排的通知
 * (国办发明电〔2025〕7号), as summarised in shared/DOMAIN.md. Statutory days proper follow the
 * 2025 revision of the national holiday regulation (13 days).
 */
export const NOTICE_2026: HolidayNotice = {
  year: 2026,
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', statutory: ['2026-01-01'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', statutory: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', statutory: ['2026-04-05'] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', statutory: ['2026-05-01', '2026-05-02'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', statutory: ['2026-06-19'] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', statutory: ['2026-09-25'] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', statutory: ['2026-10-01', '2026-10-02', '2026-10-03'] },
  ],
  makeupDays: [
    { date: '2026-01-04', name: '元旦' },
    { date: '2026-02-14', name: '春节' },
    { date: '2026-02-28', name: '春节' },
    { date: '2026-05-09', name: '劳动节' },
    { date: '2026-09-20', name: '国庆节' },
    { date: '2026-10-10', name: '国庆节' },
  ],
};

export const BUILT_IN_NOTICES: readonly HolidayNotice[] = [NOTICE_2026];
