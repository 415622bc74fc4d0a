/**
 * Holidays of part of the people (全国年节及纪念日放假办法 art. 3) as they apply to a vendor's adult
 * staff: 妇女节 (3月8日, women, half a day) and 青年节 (5月4日, young people from 14, half a day;
 * 国务院法制办 2008: 青年 = 14 to 28 years old). 儿童节 is for children under 14 and 建军节 for
 * serving soldiers: neither applies to staff. 劳社厅函〔2000〕18号: the half day is given (paid)
 * when the day is a working day; on a rest day there is none, and no day in lieu. The half taken
 * is the afternoon, as the centres of the demo give it.
 */

export interface PartialHoliday {
  date: string;
  name: string;
  nameEn: string;
  /** The half of the day off. */
  part: 'pm';
}

export interface PartialHolidayPerson {
  gender: 'F' | 'M';
  /** YYYY-MM-DD, or null when not known (then 青年节 cannot be given). */
  birthDate: string | null;
}

const YOUTH_MIN_AGE = 14;
const YOUTH_MAX_AGE = 28;

/** The partial holidays of `person` among `dates`; only on days `isWorkingDay` says are working days. */
export function partialHolidaysOf(person: PartialHolidayPerson, dates: readonly string[], isWorkingDay: (date: string) => boolean): PartialHoliday[] {
  const result: PartialHoliday[] = [];
  for (const date of dates) {
    if (!isWorkingDay(date)) continue;
    const monthDay = date.slice(5);
    if (monthDay === '03-08' && person.gender === 'F') result.push({ date, name: '三八妇女节', nameEn: "Women's Day", part: 'pm' });
    if (monthDay === '05-04' && person.birthDate !== null) {
      const age = ageOn(person.birthDate, date);
      if (age >= YOUTH_MIN_AGE && age <= YOUTH_MAX_AGE) result.push({ date, name: '五四青年节', nameEn: 'Youth Day', part: 'pm' });
    }
  }
  return result;
}

/** Whole years from `birthDate` to `date`. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The birth date in an 18-digit 居民身份证号码 (digits 7–14), or null when there is none to read. */
export function birthDateOfIdNumber(idNumber: string | null): string | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(idNumber ?? '');
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}
