import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { territories } from '../modules/territories/territories.tables.js';
import { rolesRepository } from '../modules/admin/roles.repository.js';
import { delegatesRepository } from '../modules/delegates/delegates.repository.js';
import { montrealDay } from '../modules/delegates/delegates.dates.js';

type Applicant = { handle: string; territory: string; motivation: string; availability: string; decision?: { status: 'approved' | 'declined'; message: string } };
type CampaignSeed = { caisse: string; staff: string; deadline: string; termStart: string; termEnd: string; introFr: string; introEn: string; applicants: Applicant[] };

/**
 * Two campaigns: the pilot's first one at the Plateau (register by 12 September before the
 * 29 September launch, now closed, its delegate in office), and the winter one of the
 * Cité-du-Nord, open until mid-January with people approved and others waiting, in both languages.
 */
const CAMPAIGNS: CampaignSeed[] = [
  {
    caisse: 'plateau-mont-royal', staff: 'audrey-st-onge', deadline: '2026-09-12', termStart: '2026-09-29', termEnd: '2027-09-28',
    introFr: 'Pour le lancement du 29 septembre, la caisse recrute ses premières et premiers délégués du Plateau.',
    introEn: 'For the 29 September launch, the caisse is recruiting its first delegates on the Plateau.',
    applicants: [
      { handle: 'marie-eve-tremblay', territory: 'plateau-mont-royal', motivation: 'Je coordonne déjà la ruelle verte Fabre : j’aimerais aider d’autres voisins à lancer leurs projets.', availability: 'Deux soirs par mois et quelques samedis.', decision: { status: 'approved', message: 'Bienvenue parmi les délégué·es du Plateau!' } },
    ],
  },
  {
    caisse: 'cite-du-nord-de-montreal', staff: 'karim-benali', deadline: '2027-01-15', termStart: '2027-02-01', termEnd: '2028-01-31',
    introFr: 'Inscription d’hiver : devenez délégué·e d’Ahuntsic ou de Villeray pour accompagner les projets de 2027.',
    introEn: 'Winter registration: become a delegate for Ahuntsic or Villeray and accompany the 2027 projects.',
    applicants: [
      { handle: 'sophie-lavoie', territory: 'ahuntsic', motivation: 'Le jardin collectif m’a appris à rassembler les gens. Je veux mettre cette expérience au service des nouveaux projets.', availability: 'Les mardis après-midi.', decision: { status: 'approved', message: 'Merci Sophie, votre expérience sera précieuse.' } },
      { handle: 'daniel-oconnor', territory: 'villeray', motivation: 'I help local groups with their websites and would love to accompany projects in Villeray from the start.', availability: 'Weekday evenings, online or at Jarry Park.', decision: { status: 'approved', message: 'Welcome aboard, Daniel!' } },
      { handle: 'emily-chen', territory: 'ahuntsic', motivation: 'As a nurse I see how isolated some seniors are. I want to help projects that reach them.', availability: 'Saturday mornings.' },
      { handle: 'louis-gagnon', territory: 'villeray', motivation: 'Je donne des ateliers de réparation au parc Jarry et je connais bien les commerçants du quartier.', availability: 'Les fins de semaine.' },
    ],
  },
];

/** Demo delegate campaigns and applications; a caisse that already has a campaign is left as it is. */
export async function seedDemoDelegates(deps: Deps): Promise<void> {
  const db = deps.db;
  const handles = CAMPAIGNS.flatMap((c) => [c.staff, ...c.applicants.map((a) => a.handle)]);
  const people = new Map((await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map((u) => [u.handle, u.id]));
  const places = new Map((await db.select({ id: territories.id, slug: territories.slug }).from(territories)).map((t) => [t.slug, t.id]));
  for (const c of CAMPAIGNS) {
    const [caisse] = await db.select({ id: caisses.id }).from(caisses).where(eq(caisses.slug, c.caisse)).limit(1);
    const staffId = people.get(c.staff);
    if (!caisse || !staffId || (await delegatesRepository.currentCampaign(db, caisse.id))) continue;
    await db.transaction(async (tx) => {
      await rolesRepository.grant(tx, { userId: staffId, role: 'staff', caisseId: caisse.id, grantedBy: null });
      const campaign = await delegatesRepository.insertCampaign(tx, {
        id: newId(), caisseId: caisse.id, deadline: montrealDay(c.deadline, 'end'), termStart: montrealDay(c.termStart, 'start'), termEnd: montrealDay(c.termEnd, 'end'),
        introFr: c.introFr, introEn: c.introEn, createdBy: staffId,
      });
      for (const [i, a] of c.applicants.entries()) {
        const userId = people.get(a.handle);
        const territoryId = places.get(a.territory);
        if (!userId || !territoryId) continue;
        const id = newId();
        // Applications arrive over the weeks before the deadline (or before today, for an open campaign).
        const before = Math.min(campaign.deadline.getTime(), Date.now());
        const createdAt = new Date(before - (c.applicants.length - i) * 3 * 86_400_000);
        await delegatesRepository.insertApplication(tx, { id, campaignId: campaign.id, caisseId: caisse.id, userId, territoryId, motivation: a.motivation, availability: a.availability, createdAt });
        if (!a.decision) continue;
        await delegatesRepository.decide(tx, id, { status: a.decision.status, message: a.decision.message, decidedBy: staffId });
        if (a.decision.status === 'approved') await delegatesRepository.grantDelegate(tx, { userId, caisseId: caisse.id, expiresAt: campaign.termEnd, grantedBy: staffId });
      }
    });
  }
}
