import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../electron/contract/model.ts';
import type { FieldProblem } from '../../../electron/contract/errors.ts';
import { call } from '../api/client.ts';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  t: Translate;
  /** Explains a field's problem, preferring the field's own wording over the generic one. */
  problem: (field: string, problem: FieldProblem) => string;
  setLanguage: (language: Language) => Promise<void>;
}

const I18nContext = createContext<I18nValue | null>(null);

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initial);
  const t = useCallback<Translate>((key, values) => translate(language, key, values), [language]);
  const problem = useCallback(
    (field: string, kind: FieldProblem) => {
      const specific = `problem.${field}.${kind}`;
      const generic = `problem.${kind}`;
      if (isMessageKey(specific)) return t(specific);
      return isMessageKey(generic) ? t(generic) : kind;
    },
    [t],
  );
  const setLanguage = useCallback(async (next: Language) => {
    // Persisted by the backend, so the choice survives a restart in either host; before sign-in
    // (the sign-in screen) it can only be this page's choice.
    const saved = await call('settings/setLanguage', { language: next }).catch(() => ({ language: next }));
    document.documentElement.lang = saved.language;
    setLanguageState(saved.language);
  }, []);
  const value = useMemo(() => ({ language, t, problem, setLanguage }), [language, t, problem, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
