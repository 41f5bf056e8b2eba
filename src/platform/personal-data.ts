import type { Db } from '../db/client.js';
import type { T } from './i18n/i18n.js';

type Row = Record<string, unknown>;

/** What an anonymise hook may need besides the transaction: the person's language, for texts left behind. */
export type AnonymiseContext = {
  /** Translator in the deleted person's language (e.g. the reason written on a pledge withdrawn for them). */
  t: T;
};

/** Counts a hook reports (`{ withdrawnPledges: 2 }`); the account module adds them up for its answer and audit entry. */
export type AnonymiseReport = Record<string, number>;

/**
 * What a module holds about one person (Law 25: right of access, portability, erasure; ADR 0010,
 * ADR 0011). Each module declares it in its descriptor; the account module runs every module's hooks.
 */
export type PersonalDataHooks = {
  /**
   * Export sections for this person: section name → rows (snake_case columns; the export camelCases
   * them). A section name may be used by one module only.
   */
  export?: (db: Db, userId: string) => Promise<Record<string, Row[]>>;
  /**
   * Runs inside the account deletion transaction, in module order (`src/modules/index.ts`), before the
   * account module erases the user row and drops the unsent mails to and about the person: delete
   * what only served the person, keep what others rely on without their identity. A hook touches its
   * own module's tables only and must not rely on another hook having run (none deletes what another
   * reads: comments are tombstoned, conversation participants kept), so the module order is enough.
   */
  anonymise?: (tx: Db, userId: string, context: AnonymiseContext) => Promise<AnonymiseReport | void>;
};

const registered: { owner: string; hooks: PersonalDataHooks }[] = [];

/** Called once per module descriptor by the composition root, in module order. */
export function registerPersonalData(owner: string, hooks: PersonalDataHooks): void {
  if (registered.some((r) => r.owner === owner)) throw new Error(`personal data of module ${owner} registered twice`);
  registered.push({ owner, hooks });
}

/** The registered hooks, in module order. */
export function personalDataHooks(): readonly { owner: string; hooks: PersonalDataHooks }[] {
  return registered;
}
