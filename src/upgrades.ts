import type { Deps } from './platform/deps.js';
import { modules } from './modules/index.js';

/**
 * The modules' data upgrades (ADR 0011, `upgrades` on a descriptor), in module order, after the
 * SQL migrations and before the app serves: each is idempotent, so every start runs them all and
 * a start with nothing left to do costs one query per upgrade. Returns what each changed.
 */
export async function runDataUpgrades(deps: Deps): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const m of modules) {
    for (const upgrade of m.upgrades ?? []) {
      const name = `${m.name}.${upgrade.name}`;
      changed[name] = await upgrade.run(deps);
      if (changed[name] > 0) deps.log.info({ upgrade: name, changed: changed[name] }, 'data upgrade applied');
    }
  }
  return changed;
}
