/**
 * What every ag-grid of the app shares: the modules, the look, and the Chinese locale. The grid
 * components (*Grid.tsx) are the only renderer files that touch ag-grid.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

ModuleRegistry.registerModules([AllCommunityModule]);

export function appGridTheme(fontSize: number) {
  return themeQuartz.withParams({
    fontFamily: 'inherit',
    fontSize,
    headerFontWeight: 600,
    spacing: fontSize >= 14 ? 6 : 5,
    accentColor: '#b3261e',
    headerBackgroundColor: '#f4f1ec',
  });
}

export function gridLocaleText(language: 'zh-CN' | 'en'): Record<string, string> | undefined {
  return language === 'zh-CN' ? AG_GRID_LOCALE_CN : undefined;
}
