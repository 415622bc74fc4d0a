import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules are only worth having if they bite: each case puts a forbidden import in a
 * file of a layer and expects the lint configuration to reject it.
 */
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [string, string][] = [
  ['solver/model.ts', "import x from 'node:fs';"],
  ['solver/model.ts', "import x from 'sqlite3';"],
  ['solver/model.ts', "import x from '../data/connection.ts';"],
  ['solver/training/x.ts', "import x from 'javascript-lp-solver';"],
  ['solver/training/x.ts', "import x from 'highs';"],
  ['solver/lp/highs.ts', "import x from 'javascript-lp-solver';"],
  ['solver/lp/highs.ts', "import x from 'node:fs';"],
  ['electron/backend/x.ts', "import x from 'highs';"],
  ['electron/backend/x.ts', "import x from 'javascript-lp-solver';"],
  ['electron/backend/transfer/staff-import.ts', "import x from 'exceljs';"],
  ['electron/backend/transfer/xlsx.ts', "import { parse as x } from 'csv-parse/sync';"],
  ['electron/backend/transfer/csv.ts', "import x from 'electron';"],
  ['solver/lp/js-lp-solver.ts', "import x from 'node:fs';"],
  ['data/repositories/x.ts', "import x from 'sqlite3';"],
  ['data/repositories/x.ts', "import x from 'electron';"],
  ['data/repositories/x.ts', "import x from '../../solver/model.ts';"],
  ['electron/contract/x.ts', "import x from 'node:path';"],
  ['electron/contract/x.ts', "import x from '../backend/backend.ts';"],
  ['electron/backend/x.ts', "import x from 'electron';"],
  ['electron/backend/x.ts', "import x from 'sqlite3';"],
  ['electron/backend/x.ts', "import x from '../../renderer/src/App.tsx';"],
  ['electron/serve/x.ts', "import x from 'electron';"],
  ['electron/main/x.ts', "import x from '../../data/connection.ts';"],
  ['renderer/src/x.ts', "import x from 'node:fs';"],
  ['renderer/src/x.ts', "import x from 'electron';"],
  ['renderer/src/x.ts', "import x from '../../electron/backend/backend.ts';"],
  ['renderer/src/x.ts', "import { x } from '../../electron/contract/channels.ts';"],
  ['renderer/src/areas/staff/StaffForm.tsx', "import x from 'ag-grid-community';"],
  ['renderer/src/areas/demand/DemandArea.tsx', "import { LineChart as x } from 'recharts';"],
  ['renderer/src/areas/demand/ForecastChart.tsx', "import x from 'ag-grid-community';"],
  ['renderer/src/areas/staff/StaffGrid.tsx', "import { LineChart as x } from 'recharts';"],
];

const allowed: [string, string][] = [
  ['data/connection.ts', "import x from 'sqlite3';"],
  ['solver/lp/js-lp-solver.ts', "import x from 'javascript-lp-solver';"],
  ['solver/lp/highs.ts', "import x from 'highs';"],
  ['electron/backend/transfer/xlsx.ts', "import x from 'exceljs';"],
  ['electron/backend/transfer/csv.ts', "import { parse as x } from 'csv-parse/sync';"],
  ['electron/backend/x.ts', "import x from '../../solver/training/plan.ts';"],
  ['electron/backend/x.ts', "import x from '../../data/connection.ts';"],
  ['electron/main/x.ts', "import x from 'electron';"],
  ['renderer/src/x.ts', "import type { x } from '../../electron/contract/channels.ts';"],
  ['renderer/src/areas/staff/StaffGrid.tsx', "import x from 'ag-grid-community';"],
  ['renderer/src/areas/demand/ForecastChart.tsx', "import { LineChart as x } from 'recharts';"],
];

describe('layer rules', () => {
  it.each(forbidden)('%s may not %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each(allowed)('%s may %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
