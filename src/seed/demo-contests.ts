import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { createContest, publishContest } from '../modules/contests/contests.service.js';
import { claimPrize, drawContest, publicDraw } from '../modules/contests/contests.draw.service.js';
import { contestsRepository } from '../modules/contests/contests.repository.js';
import { montrealDate } from '../modules/contests/contests.dates.js';
import type { TContestBody } from '../modules/contests/contests.schemas.js';

const DAY_MS = 86_400_000;
/** Birth years the demo people gave on their pages (a contest checks the year only). */
const BIRTH_YEARS: Record<string, number> = { 'marie-eve-tremblay': 1986, 'samir-haddad': 1957, 'priya-natarajan': 1990, 'louis-gagnon': 1979, 'sophie-lavoie': 1983, 'daniel-oconnor': 1994, 'fatima-diallo': 1992, 'jean-francois-roy': 1975, 'emily-chen': 1988 };

const common = {
  caisse: 'economie-solidaire', territories: ['parc-extension', 'villeray', 'plateau-mont-royal'], minAge: 18, membersOnly: true,
  drawTime: '14:00', drawPlaceFr: 'Caisse d’économie solidaire, 1601, rue Saint-Hubert, Montréal (tirage diffusé en direct sur la plateforme)', drawPlaceEn: 'Caisse d’économie solidaire, 1601 Saint-Hubert Street, Montréal (streamed live on the platform)',
  howToldFr: 'Par une notification dans la plateforme et par courriel, le jour du tirage.', howToldEn: 'By a notification in the platform and by e-mail, on the day of the draw.',
};

/**
 * Two contests of the Caisse d’économie solidaire: one running now (entries accrue from the demo
 * pledges, updates and complete pages), and one past, already drawn with a claimed prize, so the
 * draw page and its verification files are there on `npm start`.
 */
export async function seedDemoContests(deps: Deps, now = new Date()): Promise<void> {
  const [caisse] = await deps.db.select({ id: caisses.id }).from(caisses).where(eq(caisses.slug, 'economie-solidaire')).limit(1);
  const [admin] = await deps.db.select().from(users).where(eq(users.handle, 'admin')).limit(1);
  if (!caisse || !admin) return;
  for (const [handle, year] of Object.entries(BIRTH_YEARS)) await deps.db.update(users).set({ birthYear: year }).where(and(eq(users.handle, handle), isNull(users.birthYear)));
  const organiser: Actor = { id: admin.id, handle: admin.handle, displayName: admin.displayName, email: admin.email, locale: 'fr', emailVerified: true, roles: [{ role: 'admin', caisseId: null }], via: 'session', sessionIdHash: null, reauthAt: null };
  const day = (offset: number) => montrealDate(new Date(now.getTime() + offset * DAY_MS));

  const past: TContestBody = {
    ...common,
    titleFr: 'L’automne de l’entraide', titleEn: 'Autumn of mutual aid',
    descriptionFr: 'Chaque coup de main réalisé cet automne dans nos quartiers vous donnait une chance de gagner un panier du marché Jean-Talon ou une carte-cadeau d’un commerce local.',
    descriptionEn: 'Every helping hand given this autumn in our neighbourhoods gave you a chance to win a Jean-Talon Market basket or a gift card from a local shop.',
    startsOn: day(-60), endsOn: day(-10), drawDate: day(-7), claimDays: 30,
    entryRules: { pledge_fulfilled: 2, project_update_published: 1, profile_completed: 1 }, capPerPerson: 8,
    prizes: [{ nameFr: 'Panier du marché Jean-Talon', nameEn: 'Jean-Talon Market basket', quantity: 1, valueDollars: 150 }, { nameFr: 'Carte-cadeau d’un commerce du quartier', nameEn: 'Gift card from a neighbourhood shop', quantity: 2, valueDollars: 50 }],
    skillQuestion: '(15 × 3) + 12 − 7 = ?', skillAnswer: 50,
  };
  const drawn = await createContest(deps, organiser, past, 'fr');
  await publishContest(deps, organiser, drawn.id, 'fr', new Date(now.getTime() - 61 * DAY_MS));
  await drawContest(deps, organiser, drawn.id, new Date(now.getTime() - 7 * DAY_MS));
  const first = (await publicDraw(deps, organiser, drawn.id, 'fr')).rounds[0]?.winners[0];
  if (first?.pseudonym) {
    const winnerId = await contestsRepository.userOfPseudonym(deps.db, drawn.id, first.pseudonym);
    const [person] = winnerId ? await deps.db.select().from(users).where(eq(users.id, winnerId)) : [];
    if (person) await claimPrize(deps, { ...organiser, id: person.id, handle: person.handle, displayName: person.displayName, email: person.email, locale: person.locale, roles: [] }, drawn.id, { answer: 50, attest: true }, person.locale, new Date(now.getTime() - 5 * DAY_MS));
  }

  const running: TContestBody = {
    ...common,
    titleFr: 'Hiver solidaire : un coup de main, une chance', titleEn: 'Winter of solidarity: one helping hand, one chance',
    descriptionFr: 'Jusqu’aux Fêtes, chaque engagement réalisé envers un projet de Parc-Extension, de Villeray ou du Plateau vous donne une participation. Publier des nouvelles de votre projet et compléter votre page en donnent aussi.',
    descriptionEn: 'Until the holidays, every pledge you fulfil for a project in Parc-Extension, Villeray or the Plateau gives you an entry. Posting news of your project and completing your page give entries too.',
    startsOn: day(-25), endsOn: day(20), drawDate: day(23), claimDays: 30,
    entryRules: { pledge_fulfilled: 1, project_update_published: 1, profile_completed: 1 }, capPerPerson: 10,
    prizes: [{ nameFr: 'Vélo-cargo prêté pour une saison', nameEn: 'Cargo bike on loan for a season', quantity: 1, valueDollars: 600 }, { nameFr: 'Abonnement BIXI d’un an', nameEn: 'One-year BIXI membership', quantity: 3, valueDollars: 120 }],
    skillQuestion: '(9 × 8) − 20 + 4 = ?', skillAnswer: 56,
  };
  const current = await createContest(deps, organiser, running, 'fr');
  await publishContest(deps, organiser, current.id, 'fr', now);
}
