import type { Db } from '../db/client.js';

type Row = Record<string, unknown>;

/**
 * What a module holds about one person (Law 25: right of access, portability, erasure; ADR 0010).
 * Each module declares it in its descriptor; the account module runs every module's hooks.
 */
export type PersonalDataHooks = {
  /** Export sections for this person: section name → rows (snake_case columns; the export camelCases them). */
  export?: (db: Db, userId: string) => Promise<Record<string, Row[]>>;
  /**
   * Runs inside the account deletion transaction, before the account module erases the user row:
   * delete what only served the person, keep what others rely on without their identity.
   */
  anonymise?: (tx: Db, userId: string) => Promise<void>;
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
