import type { Deps } from './deps.js';
import type { ErrorStatusMap } from './errors.js';
import type { PersonalDataHooks } from './personal-data.js';
import type { ReportTargetDefinition } from './report-targets.js';
import type { Module } from './http/module.js';
import type { JobDefinition, Jobs } from './jobs/jobs.js';
import type { NavEntry } from './views/nav.js';

/** A module's strings: one `{ fr, en }` pair per `*.i18n.ts` file; each top-level key is a namespace. */
export type Catalogue = { fr: Record<string, unknown>; en: Record<string, unknown> };

/**
 * Everything a feature module contributes to the app, exported once from
 * `src/modules/<m>/<m>.module.ts` and listed once in `src/modules/index.ts` (ADR 0011).
 * app.ts, catalogues.ts, jobs.ts, the OpenAPI components and the main navigation derive from that list.
 */
export type ModuleDescriptor = {
  /** The folder name under src/modules. */
  name: string;
  /** Fastify plugins (routes and pages), registered in list order. */
  plugins?: readonly Module[];
  /** i18n catalogues, merged into the platform catalogue (a namespace may be defined once). */
  catalogues?: readonly Catalogue[];
  /** Background jobs on the app's pg-boss queue (ADR 0009); `jobs()` reaches the running queue. */
  jobs?: (deps: Deps, jobs: () => Jobs) => JobDefinition[];
  /** Presenter modules whose exported `Z…` response schemas become named OpenAPI components. */
  presenters?: readonly Record<string, unknown>[];
  /** Main navigation entries. */
  nav?: readonly NavEntry[];
  /** The module's error codes and HTTP statuses (`<m>.errors.ts`); messages are `errors.<CODE>` in its catalogue. */
  errors?: ErrorStatusMap;
  /** What the module holds about a person: export sections and anonymisation on account deletion. */
  personalData?: PersonalDataHooks;
  /** What people may report in this module: how moderation finds, shows, hides or suspends each type. */
  reportTargets?: readonly ReportTargetDefinition[];
  /**
   * Data upgrades that SQL migrations cannot do (files to move, values to rewrite), run at every
   * start after the migrations (src/upgrades.ts): idempotent, one cheap query when nothing is left;
   * each returns how many records it changed.
   */
  upgrades?: readonly DataUpgrade[];
};

/** A named data upgrade of a module (see `ModuleDescriptor.upgrades`). */
export type DataUpgrade = { name: string; run: (deps: Deps) => Promise<number> };

/** Identity with a type check: `export const offersModule = defineModule({ … })`. */
export function defineModule(descriptor: ModuleDescriptor): ModuleDescriptor {
  return descriptor;
}
