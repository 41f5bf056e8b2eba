import { inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { territories } from '../modules/territories/territories.tables.js';
import { organisationMembers, organisations, type OrganisationKind } from '../modules/organisations/organisations.tables.js';
import { offers } from '../modules/offers/offers.tables.js';
import type { NeedKind } from '../modules/needs/needs.tables.js';
import { conversationParticipants, conversations, messages } from '../modules/messages/messages.tables.js';
import { CHARTER_VERSION } from '../modules/organisations/organisations.policy.js';

type DemoOrganisation = {
  slug: string; name: string; kind: OrganisationKind; territory: string; website: string | null; description: string;
  representative: string; members: string[]; partnerSince: string | null;
};

/** Local organisations of the pilot neighbourhoods; three signed the honour charter. */
const ORGANISATIONS: DemoOrganisation[] = [
  { slug: 'cafe-le-rendez-vous', name: 'Café Le Rendez-vous', kind: 'business', territory: 'plateau-mont-royal', website: 'https://example.org/cafe-le-rendez-vous', representative: 'jean-francois-roy', members: ['marie-eve-tremblay'], partnerSince: '2026-10-08T15:00:00Z',
    description: 'Café de quartier de la rue Fabre depuis 2009. Nous prêtons notre salle aux comités du Plateau et fournissons le café des corvées de ruelle.' },
  { slug: 'velo-villeray', name: 'Vélo Villeray, coopérative de solidarité', kind: 'cooperative', territory: 'villeray', website: 'https://example.org/velo-villeray', representative: 'louis-gagnon', members: ['daniel-oconnor'], partnerSince: '2026-10-20T18:30:00Z',
    description: 'Atelier coopératif de réparation au parc Jarry. Deux vélos-cargos à prêter aux projets du quartier, et des ateliers « répare ton vélo » le samedi.' },
  { slug: 'entraide-parc-ex', name: 'Entraide Parc-Ex', kind: 'community', territory: 'parc-extension', website: null, representative: 'fatima-diallo', members: ['priya-natarajan'], partnerSince: null,
    description: 'Organisme communautaire (OBNL) : aide aux devoirs, accueil des familles nouvellement arrivées, cuisine collective le jeudi.' },
  { slug: 'chiffres-solidaires', name: 'Chiffres solidaires, coopérative de travail', kind: 'cooperative', territory: 'parc-extension', website: 'https://example.org/chiffres-solidaires', representative: 'samir-haddad', members: [], partnerSince: '2026-11-02T14:00:00Z',
    description: 'Coopérative de tenue de livres pour les OBNL et les petites entreprises d’économie sociale de Parc-Extension et de Villeray.' },
  { slug: 'jardins-de-la-riviere', name: 'Les Jardins de la rivière', kind: 'community', territory: 'ahuntsic', website: null, representative: 'sophie-lavoie', members: ['emily-chen'], partnerSince: null,
    description: 'Jardin collectif au bord de la rivière des Prairies : 40 jardinets, des ateliers de semis et un comptoir de légumes pour les aînés.' },
];

type DemoOffer = {
  owner: string; organisation?: string; kind: NeedKind; title: string; description: string; quantity: number | null; period: 'once' | 'week' | 'month' | 'year';
  territories: string[]; skills: string[]; availability: string; status?: 'active' | 'paused'; daysAgo: number;
};

/** The demo people who write in English (demo-people.ts): their offers carry `language: 'en'`. */
const ENGLISH_AUTHORS = new Set(['priya-natarajan', 'daniel-oconnor', 'emily-chen']);

/** Standing offers, each in its author's language (French or English). Money in cents. */
const OFFERS: DemoOffer[] = [
  { owner: 'samir-haddad', kind: 'expertise', title: '4 h par mois de tenue de livres pour les OBNL', description: 'Comptable à la retraite : je tiens vos livres, prépare vos états financiers simples et vous explique tout, gratuitement.', quantity: 4, period: 'month', territories: ['parc-extension', 'villeray'], skills: ['tenue de livres', 'comptabilité'], availability: 'Les mardis et jeudis soir', daysAgo: 20 },
  { owner: 'samir-haddad', organisation: 'chiffres-solidaires', kind: 'expertise', title: 'Aide à la déclaration annuelle des OBNL', description: 'La coopérative prépare la déclaration de renseignements (TP-985.22 et T1044) de deux OBNL par année, sans frais.', quantity: 6, period: 'year', territories: ['parc-extension', 'villeray'], skills: ['fiscalité des OBNL', 'comptabilité'], availability: 'Février à mai', daysAgo: 12 },
  { owner: 'louis-gagnon', kind: 'material', title: 'Prêt d’outils de menuiserie', description: 'Scie circulaire, perceuses, serre-joints et établi pliant : je prête mon coffre à outils pour vos bacs, bancs et cabanons.', quantity: 1, period: 'week', territories: ['villeray'], skills: ['menuiserie'], availability: 'À récupérer au parc Jarry, la fin de semaine', daysAgo: 15 },
  { owner: 'louis-gagnon', organisation: 'velo-villeray', kind: 'material', title: 'Prêt d’un vélo-cargo', description: 'Un vélo-cargo électrique (charge de 100 kg) pour vos livraisons de paniers, corvées et déménagements de quartier. Casque et cadenas fournis.', quantity: 1, period: 'week', territories: ['villeray', 'parc-extension'], skills: ['réparation de vélos'], availability: 'Du lundi au samedi', daysAgo: 9 },
  { owner: 'daniel-oconnor', kind: 'expertise', title: 'Simple websites for neighbourhood groups', description: 'I build small, accessible websites (WCAG AA) for community groups, free of charge, and teach you to update them yourselves.', quantity: 10, period: 'once', territories: [], skills: ['web development', 'accessibility'], availability: 'Weekday evenings, remote or at the library', daysAgo: 7 },
  { owner: 'priya-natarajan', kind: 'expertise', title: 'Posters and social media visuals', description: 'Graphic design for your events and campaigns, in English, French or Tamil.', quantity: 3, period: 'month', territories: ['parc-extension'], skills: ['graphic design', 'translation (Tamil, English, French)'], availability: 'Mornings while the kids are at school', daysAgo: 6 },
  { owner: 'jean-francois-roy', organisation: 'cafe-le-rendez-vous', kind: 'product', title: 'Café et viennoiseries pour vos événements', description: 'Deux thermos de café et une trentaine de viennoiseries pour vos corvées, assemblées et fêtes de ruelle.', quantity: 30, period: 'month', territories: ['plateau-mont-royal'], skills: [], availability: 'Sur demande, 48 h à l’avance', daysAgo: 18 },
  { owner: 'jean-francois-roy', organisation: 'cafe-le-rendez-vous', kind: 'funding', title: '500 $ par année pour les projets jeunesse', description: 'Le café verse 500 $ par année à un projet jeunesse du Plateau, choisi avec la caisse.', quantity: 50_000, period: 'year', territories: ['plateau-mont-royal'], skills: [], availability: '', daysAgo: 18 },
  { owner: 'marie-eve-tremblay', kind: 'volunteering', title: 'Coordination de bénévoles, 2 h par semaine', description: 'J’organise les horaires, les rappels et l’accueil des bénévoles de votre projet.', quantity: 2, period: 'week', territories: ['plateau-mont-royal'], skills: ['coordination de bénévoles'], availability: 'Les soirs de semaine', daysAgo: 4 },
  { owner: 'emily-chen', kind: 'volunteering', title: 'First aid at community events', description: 'Registered nurse: I can be the first-aid person at your outdoor events and corvées.', quantity: 4, period: 'month', territories: ['ahuntsic'], skills: ['first aid', 'seniors support'], availability: 'Weekends', daysAgo: 3 },
  { owner: 'sophie-lavoie', organisation: 'jardins-de-la-riviere', kind: 'product', title: 'Semis et plants pour jardins collectifs', description: 'Une centaine de plants de tomates, fines herbes et courges chaque printemps pour les jardins et ruelles vertes.', quantity: 100, period: 'year', territories: ['ahuntsic', 'villeray'], skills: ['agriculture urbaine'], availability: 'Mai et juin', status: 'paused', daysAgo: 25 },
];

type DemoMessage = { from: string; body: string; daysAgo: number; hour: number };
type DemoConversation = { a: string; b: string; subject: string; messages: DemoMessage[]; unreadFor: string | null };

const CONVERSATIONS: DemoConversation[] = [
  {
    a: 'fatima-diallo', b: 'samir-haddad', subject: 'Tenue de livres pour Entraide Parc-Ex', unreadFor: 'samir-haddad',
    messages: [
      { from: 'fatima-diallo', body: 'Bonjour Samir!\nJ’ai vu votre offre de tenue de livres. Entraide Parc-Ex a besoin d’aide pour fermer son année financière avant l’assemblée de janvier. Seriez-vous disponible?', daysAgo: 5, hour: 14 },
      { from: 'samir-haddad', body: 'Bonjour Fatima, avec plaisir. Je peux passer jeudi soir au local pour regarder vos relevés. Apportez les factures de l’automne si possible.', daysAgo: 4, hour: 9 },
      { from: 'fatima-diallo', body: 'Parfait, jeudi 18 h. Merci mille fois!', daysAgo: 1, hour: 20 },
    ],
  },
  {
    a: 'daniel-oconnor', b: 'marie-eve-tremblay', subject: 'A website for the Fabre green alley', unreadFor: null,
    messages: [
      { from: 'daniel-oconnor', body: 'Hi Marie-Ève! I would be happy to build a small website for the ruelle verte: a calendar of corvées and a sign-up form. Interested?', daysAgo: 3, hour: 19 },
      { from: 'marie-eve-tremblay', body: 'Bonjour Daniel! Oui, avec grand plaisir. Le comité se réunit mardi : pouvez-vous venir nous montrer un exemple?', daysAgo: 2, hour: 8 },
    ],
  },
];

const daysAgo = (days: number, hour = 12) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

async function lookup(db: Db, handles: string[], slugs: string[]) {
  const people = await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles));
  const places = await db.select({ id: territories.id, slug: territories.slug }).from(territories).where(inArray(territories.slug, slugs));
  const byHandle = new Map(people.map((p) => [p.handle, p.id]));
  const bySlug = new Map(places.map((p) => [p.slug, p.id]));
  const need = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo community: "${key}" is missing (seed the demo people and territories first)`);
    return id;
  };
  return { person: (h: string) => need(byHandle, h), place: (s: string) => need(bySlug, s) };
}

/**
 * A living demo community: organisations (three partners on their honour), standing offers by
 * people and organisations, and two conversations. Run once, after the demo people.
 */
export async function seedDemoCommunity(deps: Pick<Deps, 'db'>): Promise<void> {
  const handles = [...new Set([...ORGANISATIONS.flatMap((o) => [o.representative, ...o.members]), ...OFFERS.map((o) => o.owner), ...CONVERSATIONS.flatMap((c) => [c.a, c.b])])];
  const slugs = [...new Set([...ORGANISATIONS.map((o) => o.territory), ...OFFERS.flatMap((o) => o.territories)])];
  await deps.db.transaction(async (tx) => {
    const { person, place } = await lookup(tx, handles, slugs);
    const orgIds = new Map<string, string>();
    for (const o of ORGANISATIONS) {
      const id = newId();
      orgIds.set(o.slug, id);
      const signed = o.partnerSince ? new Date(o.partnerSince) : null;
      await tx.insert(organisations).values({
        id, slug: o.slug, name: o.name, kind: o.kind, description: o.description, website: o.website, territoryId: place(o.territory), createdBy: person(o.representative),
        charterSignedAt: signed, charterSignedBy: signed ? person(o.representative) : null, charterVersion: signed ? CHARTER_VERSION : null, createdAt: daysAgo(40),
      });
      await tx.insert(organisationMembers).values([{ organisationId: id, userId: person(o.representative), role: 'representative' as const }, ...o.members.map((m) => ({ organisationId: id, userId: person(m), role: 'member' as const }))]);
    }
    for (const o of OFFERS) {
      const at = daysAgo(o.daysAgo);
      await tx.insert(offers).values({
        id: newId(), ownerId: person(o.owner), organisationId: o.organisation ? orgIds.get(o.organisation)! : null, kind: o.kind, title: o.title, description: o.description, quantity: o.quantity, period: o.period,
        territoryIds: o.territories.map(place), skills: o.skills, availability: o.availability, status: o.status ?? 'active', createdAt: at, updatedAt: at,
        language: ENGLISH_AUTHORS.has(o.owner) ? 'en' : 'fr',
      });
    }
    for (const c of CONVERSATIONS) {
      const id = newId();
      const last = c.messages[c.messages.length - 1]!;
      await tx.insert(conversations).values({ id, subject: c.subject, createdBy: person(c.a), createdAt: daysAgo(c.messages[0]!.daysAgo, c.messages[0]!.hour), lastMessageAt: daysAgo(last.daysAgo, last.hour) });
      for (const m of c.messages) await tx.insert(messages).values({ id: newId(), conversationId: id, authorId: person(m.from), body: m.body, createdAt: daysAgo(m.daysAgo, m.hour) });
      for (const who of [c.a, c.b]) {
        const readUpTo = who === c.unreadFor ? daysAgo(last.daysAgo, last.hour - 1) : daysAgo(last.daysAgo, last.hour);
        await tx.insert(conversationParticipants).values({ conversationId: id, userId: person(who), lastReadAt: readUpTo, joinedAt: daysAgo(c.messages[0]!.daysAgo, c.messages[0]!.hour) });
      }
    }
  });
}
