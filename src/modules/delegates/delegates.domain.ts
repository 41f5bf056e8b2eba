/** The delegates domain's closed sets and value types; `delegates.tables.ts` uses them and re-exports them. */
export const DELEGATE_APPLICATION_STATUSES = ['pending', 'approved', 'declined'] as const;
export type DelegateApplicationStatus = (typeof DELEGATE_APPLICATION_STATUSES)[number];
