/** Wording of 需求预测, Simplified Chinese first; English must have every key. */
export const demandZh = {} as const;

export const demandEn: Record<keyof typeof demandZh, string> = {};
