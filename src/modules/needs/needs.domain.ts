/** The needs domain's closed sets and value types; `needs.tables.ts` uses them and re-exports them. */
export const NEED_KINDS = ['volunteering', 'expertise', 'product', 'service', 'funding', 'loan', 'material'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
/** What `quantity` counts, by kind: hours, cents (money), or items. */
export const NEED_UNITS = ['hours', 'cents', 'items'] as const;
export type NeedUnit = (typeof NEED_UNITS)[number];
export const MATERIAL_MODES = ['lend', 'give'] as const;
