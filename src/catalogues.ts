import { registerCatalogues } from './platform/i18n/i18n.js';
import { fr as platformFr } from './platform/i18n/fr.js';
import { en as platformEn } from './platform/i18n/en.js';
import { modules } from './modules/index.js';

type Tree = Record<string, unknown>;
const moduleCatalogues = modules.flatMap((m) => m.catalogues ?? []);

/** Merges the platform catalogue with every module's; a top-level key may be defined once. */
function merge(base: Tree, parts: Tree[]): Tree {
  const out: Tree = { ...base };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
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

// Importing this file loads the strings: every entry point (app.ts, cli.ts, tests' setup) imports it.
registerCatalogues(catalogues);
