import type { Deps } from '../../platform/deps.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { listTerritories } from '../territories/territories.service.js';
import { listCaisseRows } from '../caisses/caisses.service.js';
import { loadRolloutMap } from '../territories/territories.map.js';
import { presentHome, type HomeView } from './home.presenter.js';

/** Everything the home page shows, in three small queries (no per-user counts: it must stay fast). */
export async function loadHome(deps: Deps, locale: Locale): Promise<HomeView> {
  const [territories, caisseRows, map] = await Promise.all([listTerritories(deps, locale), listCaisseRows(deps), loadRolloutMap(deps, locale)]);
  return { ...presentHome(territories, caisseRows, locale), map };
}
