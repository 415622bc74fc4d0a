import type { Migration } from './migration.ts';

/**
 * What an HR auditor checks on a person's month beyond the employer's cost (issue #17): a city may
 * set the pension, medical and housing-fund bases apart from the others (the housing fund often
 * with a floor of its own), the employee's shares withheld from the wage, and the monthly minimum
 * wage the normal-hours wage is held against. Null bases mean "the rule's common base"; a rule
 * entered before keeps pricing exactly as it did.
 */
export const migration013PayReadings: Migration = {
  version: 13,
  name: 'separate contribution bases, employee shares, minimum wage',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE social_insurance_rules ADD COLUMN pension_base_floor REAL CHECK (pension_base_floor >= 0);
      ALTER TABLE social_insurance_rules ADD COLUMN pension_base_cap REAL;
      ALTER TABLE social_insurance_rules ADD COLUMN medical_base_floor REAL CHECK (medical_base_floor >= 0);
      ALTER TABLE social_insurance_rules ADD COLUMN medical_base_cap REAL;
      ALTER TABLE social_insurance_rules ADD COLUMN housing_fund_base_floor REAL CHECK (housing_fund_base_floor >= 0);
      ALTER TABLE social_insurance_rules ADD COLUMN housing_fund_base_cap REAL;
      ALTER TABLE social_insurance_rules ADD COLUMN employee_pension REAL NOT NULL DEFAULT 0 CHECK (employee_pension BETWEEN 0 AND 100);
      ALTER TABLE social_insurance_rules ADD COLUMN employee_medical REAL NOT NULL DEFAULT 0 CHECK (employee_medical BETWEEN 0 AND 100);
      ALTER TABLE social_insurance_rules ADD COLUMN employee_unemployment REAL NOT NULL DEFAULT 0 CHECK (employee_unemployment BETWEEN 0 AND 100);
      ALTER TABLE social_insurance_rules ADD COLUMN employee_housing_fund REAL NOT NULL DEFAULT 0 CHECK (employee_housing_fund BETWEEN 0 AND 100);
      ALTER TABLE social_insurance_rules ADD COLUMN minimum_wage REAL CHECK (minimum_wage >= 0);
    `);
  },
};
