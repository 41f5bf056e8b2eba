/**
 * One error type for the whole app. Services throw AppError with a code from a closed set: the
 * platform's codes below plus each module's `<m>.errors.ts` (ADR 0011), registered from the module
 * descriptors at the composition root. `http/error-handler.tsx` maps each code to an HTTP status and
 * a translated message (`errors.<CODE>` in the platform or the module catalogue).
 *
 * Only cross-cutting codes live here: what the HTTP layer, the form helper, idempotency, rate limits
 * and guards throw, and the preconditions every module checks the same way (signed in, e-mail
 * verified, allowed). A code that names a feature's concept belongs to that module's errors file.
 */
const PLATFORM_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  MALFORMED_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  CSRF_INVALID: 403,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  IDEMPOTENCY_MISMATCH: 422,
  UNSUPPORTED_MEDIA: 415,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

/** A module's codes and their HTTP statuses: `export const xErrors = { … } as const satisfies ErrorStatusMap`. */
export type ErrorStatusMap = Readonly<Record<string, number>>;

/**
 * Modules add their codes to the type by augmenting this interface from their `<m>.errors.ts`:
 * `declare module '../../platform/errors.js' { interface ModuleErrorCodes extends Record<keyof typeof xErrors, true> {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in each module
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof PLATFORM_ERROR_STATUS | keyof ModuleErrorCodes;

const statuses = new Map<string, number>(Object.entries(PLATFORM_ERROR_STATUS));

/** Called once per module descriptor by the composition root; a code may be defined once. */
export function registerErrorStatuses(owner: string, map: ErrorStatusMap): void {
  for (const [code, status] of Object.entries(map)) {
    if (statuses.has(code)) throw new Error(`error code ${code} (module ${owner}) is defined twice`);
    statuses.set(code, status);
  }
}

/** Every known code with its status: the platform's and the registered modules'. */
export function errorStatuses(): ReadonlyMap<string, number> {
  return statuses;
}

function errorStatus(code: ErrorCode): number {
  return statuses.get(code) ?? 500;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus(this.code);
  }
}

/** Field-level validation failure; `fields` maps a field name to an i18n key + params. */
export type FieldIssue = { key: string; params?: Record<string, unknown> };

export function validationError(fields: Record<string, FieldIssue>): AppError {
  return new AppError('VALIDATION_FAILED', { fields });
}
