import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { caissesRepository, type CaisseRow, type ServedTerritoryRow } from './caisses.repository.js';
import { presentCaisse, type CaisseView } from './caisses.presenter.js';
import { presentTerritoryRef, type TerritoryRef } from '../territories/territories.presenter.js';

export type { CaisseRow };

function servedBy(rows: ServedTerritoryRow[], locale: Locale): Map<string, TerritoryRef[]> {
  const byCaisse = new Map<string, TerritoryRef[]>();
  for (const row of rows) byCaisse.set(row.caisseId, [...(byCaisse.get(row.caisseId) ?? []), presentTerritoryRef(row, locale)]);
  return byCaisse;
}

/** Every caisse with the territories it serves: two queries. */
export async function listCaisses(deps: Deps, locale: Locale): Promise<CaisseView[]> {
  const [rows, served] = await Promise.all([caissesRepository.list(deps.db), caissesRepository.territoriesServed(deps.db)]);
  const byCaisse = servedBy(served, locale);
  return rows.map((row) => presentCaisse(row, locale, byCaisse.get(row.id) ?? []));
}

/** The caisse rows alone, one query (for pages that already hold the territory links). */
export async function listCaisseRows(deps: Deps): Promise<CaisseRow[]> {
  return caissesRepository.list(deps.db);
}

/** The row behind a slug, or CAISSE_NOT_FOUND (for other modules: admin, delegates, calls). */
export async function findCaisseBySlug(deps: Deps, slug: string): Promise<CaisseRow> {
  const row = await caissesRepository.findBySlug(deps.db, slug);
  if (!row) throw new AppError('CAISSE_NOT_FOUND', { slug });
  return row;
}

export async function getCaisse(deps: Deps, slug: string, locale: Locale): Promise<CaisseView> {
  const row = await findCaisseBySlug(deps, slug);
  const served = await caissesRepository.territoriesServed(deps.db, [row.id]);
  return presentCaisse(row, locale, servedBy(served, locale).get(row.id) ?? []);
}
