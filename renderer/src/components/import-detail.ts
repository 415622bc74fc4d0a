import type { ImportRowError } from '../../../electron/contract/model.ts';
import { zhCN, type MessageKey } from '../i18n/zh-CN.ts';

/** As i18n.tsx's, without its provider (and the API client behind it): this file is tested in Node. */
function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

/** i18n.tsx's Translate, the same shape. */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A problem with named values is worded by the UI in the language shown; others by their detail. */
export function errorDetail(error: ImportRowError, t: Translate): string {
  const key = `transfer.detail.${error.problem}`;
  if (error.params && isMessageKey(key)) return t(key, error.params);
  return detailText(error.detail, t);
}

/**
 * Backend details read "rule: value", "rule" or "line N: value"; the rule and the line are put
 * into words, so a bare rule key (「required」) never reaches the user.
 */
export function detailText(detail: string, t: Translate): string {
  const bare = `problem.${detail}`;
  if (/^[a-z_]+$/.test(detail) && isMessageKey(bare)) return t(bare);
  return detail
    .replace(/^([a-z_]+): /, (whole, rule: string) => {
      const key = `problem.${rule}`;
      return isMessageKey(key) ? `${t(key)}：` : whole;
    })
    .replace(/\bline (\d+)\b/g, (_whole, line: string) => t('transfer.lineRef', { line }));
}
