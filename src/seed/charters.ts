import { eq } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { charters } from '../modules/organisations/partners.tables.js';

/** A demonstration honour charter (version 1) in both languages; each caisse replaces it with its own. */
function demoCharter(caisse: string): { textFr: string; textEn: string } {
  return {
    textFr: [
      `En signant la charte d’honneur de ${caisse}, un organisme devient partenaire de la caisse et peut s’engager « sur l’honneur » envers les projets des quartiers qu’elle dessert. Il s’engage à :`,
      '1. Tenir parole : ce que nous promettons sur l’honneur, nous le donnons, au moment convenu.',
      '2. Prévenir le projet sans délai si un imprévu survient, et chercher une solution avec lui.',
      '3. Aider sans contrepartie commerciale cachée ni sollicitation.',
      '4. Respecter les personnes, leur vie privée et les règles de la plateforme.',
      '5. Confirmer honnêtement l’aide donnée, pour que l’impact compté soit vrai.',
      'La caisse peut suspendre un partenariat qui ne respecte pas cette charte, en donnant le motif.',
    ].join('\n\n'),
    textEn: [
      `By signing the honour charter of ${caisse}, an organisation becomes a partner of the caisse and may pledge “on its honour” to projects in the neighbourhoods it serves. It commits to:`,
      '1. Keep its word: what we pledge on our honour, we give, at the agreed time.',
      '2. Tell the project at once if something unexpected happens, and look for a solution together.',
      '3. Help with no hidden commercial strings and no solicitation.',
      '4. Respect people, their privacy and the platform’s rules.',
      '5. Confirm the help given honestly, so that the impact counted is true.',
      'The caisse may suspend a partnership that does not respect this charter, giving the reason.',
    ].join('\n\n'),
  };
}

/** Version 1 of the charter for every caisse that has none yet (idempotent). */
export async function seedCharters(deps: Pick<Deps, 'db'>): Promise<number> {
  const all = await deps.db.select({ id: caisses.id, name: caisses.name }).from(caisses);
  let created = 0;
  for (const c of all) {
    const existing = await deps.db.select({ v: charters.version }).from(charters).where(eq(charters.caisseId, c.id)).limit(1);
    if (existing.length) continue;
    await deps.db.insert(charters).values({ caisseId: c.id, version: 1, publishedAt: new Date('2026-09-01T12:00:00Z'), ...demoCharter(c.name) }).onConflictDoNothing();
    created++;
  }
  return created;
}
