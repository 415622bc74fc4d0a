import type { Migration } from './migration.ts';

/**
 * What a person-month costs the vendor: the monthly wage of each pay grade, the social-insurance
 * base (floor and cap) and employer rates per city and year — they change every July in most
 * cities, so a year is never guessed from another — and the budget the contract was priced on,
 * per year and staff category, in the layout of the vendor's bid (seed 001).
 */
export const migration009Cost: Migration = {
  version: 9,
  name: 'pay grades, social insurance rules, cost budget',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE pay_grades (
        grade INTEGER PRIMARY KEY CHECK (grade BETWEEN 1 AND 12),
        -- Yuan a month at 100%, before overtime; staff.wage_grade names the row.
        monthly_wage REAL NOT NULL CHECK (monthly_wage BETWEEN 0 AND 1000000)
      ) STRICT;
      -- A starting scale for a city with a minimum wage near 2,300 yuan; every vendor edits it.
      INSERT INTO pay_grades (grade, monthly_wage) VALUES
        (1, 3200), (2, 3500), (3, 3800), (4, 4100), (5, 4500), (6, 4900),
        (7, 5500), (8, 6200), (9, 7000), (10, 7800), (11, 8600), (12, 9500);

      CREATE TABLE social_insurance_rules (
        city TEXT NOT NULL CHECK (length(trim(city)) > 0),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        base_floor REAL NOT NULL CHECK (base_floor >= 0),
        base_cap REAL NOT NULL,
        -- Employer shares in percent of the base.
        pension REAL NOT NULL CHECK (pension BETWEEN 0 AND 100),
        medical REAL NOT NULL CHECK (medical BETWEEN 0 AND 100),
        unemployment REAL NOT NULL CHECK (unemployment BETWEEN 0 AND 100),
        injury REAL NOT NULL CHECK (injury BETWEEN 0 AND 100),
        maternity REAL NOT NULL CHECK (maternity BETWEEN 0 AND 100),
        housing_fund REAL NOT NULL CHECK (housing_fund BETWEEN 0 AND 100),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (city, year),
        CHECK (base_cap >= base_floor)
      ) STRICT;

      CREATE TABLE cost_budget (
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        category TEXT NOT NULL CHECK (category IN ('manager', 'window', 'desk')),
        -- 岗位人数 and 工资标准 of the bid: the rest of its row follows from the year's rules.
        headcount INTEGER NOT NULL CHECK (headcount BETWEEN 0 AND 10000),
        monthly_wage REAL NOT NULL CHECK (monthly_wage BETWEEN 0 AND 1000000),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (year, category)
      ) STRICT;
    `);
  },
};
