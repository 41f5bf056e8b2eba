import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { territories, type RolloutState } from '../modules/territories/territories.tables.js';
import { territoryRolloutChanges } from '../modules/territories/territories.rollout.tables.js';
import { territoriesRepository } from '../modules/territories/territories.repository.js';
import { rolloutRepository } from '../modules/territories/territories.rollout.repository.js';

/** When each demo territory entered its current state (the pilot launched on 29 September). */
const HISTORY: { slug: string; from: RolloutState; to: RolloutState; at: string }[] = [
  { slug: 'plateau-mont-royal', from: 'planned', to: 'pilot', at: '2026-09-29T04:00:00Z' },
  { slug: 'ahuntsic', from: 'planned', to: 'pilot', at: '2026-09-29T04:00:00Z' },
  { slug: 'villeray', from: 'planned', to: 'pilot', at: '2026-09-29T04:00:00Z' },
  { slug: 'parc-extension', from: 'planned', to: 'pilot', at: '2026-09-29T04:00:00Z' },
  { slug: 'rosemont', from: 'planned', to: 'waitlist', at: '2026-10-15T04:00:00Z' },
];

/** People of Rosemont waiting for it to open (both languages): opening it mails each of them once. */
const WAITLIST: { email: string; locale: 'fr' | 'en' }[] = [
  { email: 'lucie.gagnon@example.org', locale: 'fr' },
  { email: 'tom.obrien@example.org', locale: 'en' },
  { email: 'nadia.benali@example.org', locale: 'fr' },
];

/**
 * Demo rollout (ADR 0015): the pilot neighbourhoods' history, Rosemont in waitlist with a few
 * addresses, La Petite-Patrie planned. Idempotent: history only where a territory has none.
 */
export async function seedDemoRollout(deps: Pick<Deps, 'db'>): Promise<void> {
  const rows = await deps.db.select({ id: territories.id, slug: territories.slug }).from(territories).where(inArray(territories.slug, [...HISTORY.map((h) => h.slug), 'la-petite-patrie']));
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  for (const h of HISTORY) {
    const id = idOf.get(h.slug);
    if (!id) continue;
    const existing = await deps.db.select({ id: territoryRolloutChanges.id }).from(territoryRolloutChanges).where(eq(territoryRolloutChanges.territoryId, id)).limit(1);
    if (existing.length) continue;
    await rolloutRepository.insertChange(deps.db, { territoryId: id, fromState: h.from, toState: h.to, effectiveAt: new Date(h.at), appliedAt: new Date(h.at), createdBy: null });
  }
  const rosemont = idOf.get('rosemont');
  if (rosemont) for (const w of WAITLIST) await territoriesRepository.joinWaitlist(deps.db, rosemont, w.email, w.locale);
}
