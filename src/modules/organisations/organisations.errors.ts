import type { ErrorStatusMap } from '../../platform/errors.js';

/** Organisations, members, partners, charters and capacities: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const organisationsErrors = {
  ORGANISATION_NOT_FOUND: 404,
  NOT_REPRESENTATIVE: 403,
  NOT_PARTNER_REPRESENTATIVE: 403,
  NOT_OWNER: 403,
  OWNER_REQUIRED: 409,
  INVITATION_INVALID: 400,
  CHARTER_NOT_FOUND: 404,
  CHARTER_ALREADY_SIGNED: 409,
  CAPACITY_NOT_FOUND: 404,
  CAPACITY_EXHAUSTED: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof organisationsErrors, true> {}
}
