import { registerCatalogues } from './platform/i18n/i18n.js';
import { fr as platformFr } from './platform/i18n/fr.js';
import { en as platformEn } from './platform/i18n/en.js';
import { registerErrorStatuses } from './platform/errors.js';
import { registerPersonalData } from './platform/personal-data.js';
import { registerReportTargets } from './platform/report-targets.js';
import { modules } from './modules/index.js';

type Tree = Record<string, unknown>;
const moduleCatalogues = modules.flatMap((m) => m.catalogues ?? []);

/** Namespaces modules extend key by key instead of owning: their error messages. */
const SHARED_NAMESPACES = new Set(['errors']);

/** Merges the platform catalogue with every module's; a top-level key (or a shared namespace's key) may be defined once. */
function merge(base: Tree, parts: Tree[]): Tree {
  const out: Tree = { ...base };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (SHARED_NAMESPACES.has(key)) {
        const shared: Tree = { ...(out[key] as Tree | undefined) };
        for (const [code, message] of Object.entries(value as Tree)) {
          if (code in shared) throw new Error(`i18n key "${key}.${code}" is defined twice`);
          shared[code] = message;
        }
        out[key] = shared;
        continue;
      }
      if (key in out) throw new Error(`i18n namespace "${key}" is defined twice`);
      out[key] = value;
    }
  }
  return out;
}

export const catalogues = {
  fr: merge(platformFr, moduleCatalogues.map((c) => c.fr)),
  en: merge(platformEn, moduleCatalogues.map((c) => c.en)),
};

// Importing this file loads the registries every entry point needs (app.ts, cli.ts, tests' setup):
// the strings, the modules' error codes, their personal data hooks and their report targets.
registerCatalogues(catalogues);
for (const m of modules) {
  if (m.errors) registerErrorStatuses(m.name, m.errors);
  if (m.personalData) registerPersonalData(m.name, m.personalData);
  if (m.reportTargets) registerReportTargets(m.name, m.reportTargets);
}
