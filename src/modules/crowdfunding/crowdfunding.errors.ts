import type { ErrorStatusMap } from '../../platform/errors.js';

/** The crowdfunding module's error codes (ADR 0023); messages are `errors.<CODE>` in crowdfunding.i18n.ts. */
export const crowdfundingErrors = {
  CAMPAIGN_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  SNAPSHOT_ALREADY_DECIDED: 409,
  CAMPAIGN_SETTLED: 409,
  MATCH_CAISSE_NOT_SERVING: 403,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof crowdfundingErrors, true> {}
}
