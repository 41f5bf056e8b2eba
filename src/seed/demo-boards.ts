import { and, eq, inArray, isNull } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import type { Deps } from '../platform/deps.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { territories } from '../modules/territories/territories.tables.js';
import { projects } from '../modules/projects/projects.tables.js';
import { offers } from '../modules/offers/offers.tables.js';
import { boardItems, boards } from '../modules/boards/boards.tables.js';

type Item = { project?: string; offer?: string; note?: string };
type DemoBoard = {
  owner: string; title: string; description: string; language: 'fr' | 'en'; visibility?: 'public' | 'private'; territory?: string;
  /** A curated board: the caisse it is made for (its owner is that caisse's staff, or the platform's admin). */
  caisse?: string; items: Item[]; daysAgo: number;
};

/** Personal boards and, for each pilot neighbourhood, a board picked by a caisse serving it — in both languages. */
const BOARDS: DemoBoard[] = [
  {
    owner: 'audrey-st-onge', caisse: 'plateau-mont-royal', territory: 'plateau-mont-royal', language: 'fr', daysAgo: 2,
    title: 'Le Plateau qui verdit et qui partage',
    description: 'La sélection de la caisse : des projets de ruelle et d’alimentation, et des gens d’ici prêts à donner un coup de main.',
    items: [
      { project: 'Ruelle verte Fabre–Chambord', note: 'Corvée de plantation au printemps : toutes les mains sont bienvenues.' },
      { project: 'Frigo communautaire de la rue Fabre' },
      { offer: '500 $ par année pour les projets jeunesse', note: 'Les projets jeunesse du Plateau peuvent en faire la demande.' },
      { offer: 'Café et viennoiseries pour vos événements' },
      { offer: 'Coordination de bénévoles, 2 h par semaine' },
    ],
  },
  {
    owner: 'admin', caisse: 'economie-solidaire', territory: 'parc-extension', language: 'fr', daysAgo: 4,
    title: 'Projets jeunesse de Parc-Extension',
    description: 'Aide aux devoirs, murale et talents du quartier : ce qui fait grandir les jeunes de Parc-Ex.',
    items: [
      { project: 'Aide aux devoirs à Parc-Extension', note: 'Le mardi et le jeudi après l’école.' },
      { project: 'Park Extension youth mural' },
      { offer: 'Posters and social media visuals' },
    ],
  },
  {
    owner: 'admin', caisse: 'economie-solidaire', territory: 'parc-extension', language: 'en', daysAgo: 6,
    title: 'Park Extension picks',
    description: 'Our caisse’s favourite neighbourhood projects and offers, for English speakers new to Park Ex.',
    items: [
      { project: 'Park Extension youth mural', note: 'Painting days all summer — adults welcome as supervisors.' },
      { offer: 'Simple websites for neighbourhood groups' },
      { offer: '4 h par mois de tenue de livres pour les OBNL' },
    ],
  },
  {
    owner: 'admin', caisse: 'cite-du-nord-de-montreal', territory: 'villeray', language: 'fr', daysAgo: 3,
    title: 'Entraide à Villeray',
    description: 'Vélo-cargo, outils à prêter et comptabilité bénévole : l’entraide concrète autour du parc Jarry.',
    items: [
      { project: 'Vélo-cargo solidaire de Villeray' },
      { offer: 'Prêt d’outils de menuiserie' },
      { offer: 'Prêt d’un vélo-cargo' },
      { offer: 'Aide à la déclaration annuelle des OBNL' },
    ],
  },
  {
    owner: 'admin', caisse: 'cite-du-nord-de-montreal', territory: 'ahuntsic', language: 'en', daysAgo: 8,
    title: 'Ahuntsic: gardens and seniors',
    description: 'The caisse’s picks along the Rivière des Prairies.',
    items: [
      { project: 'Jardin collectif des Prairies', note: 'Open garden days every Saturday in season.' },
      { offer: 'First aid at community events' },
    ],
  },
  {
    owner: 'marie-eve-tremblay', territory: 'plateau-mont-royal', language: 'fr', daysAgo: 1,
    title: 'Idées pour notre ruelle',
    description: 'Ce qui m’inspire pour la ruelle Fabre cette année.',
    items: [
      { project: 'Ruelle verte Fabre–Chambord' },
      { project: 'Jardin collectif des Prairies', note: 'Leur système de compost partagé!' },
      { offer: 'Prêt d’outils de menuiserie', note: 'Pour les bacs de plantation.' },
    ],
  },
  {
    owner: 'daniel-oconnor', language: 'en', daysAgo: 5,
    title: 'Weekend volunteering',
    description: 'Things I can help with on Saturdays.',
    items: [{ project: 'Vélo-cargo solidaire de Villeray' }, { project: 'Frigo communautaire de la rue Fabre' }, { project: 'Park Extension youth mural' }],
  },
  {
    owner: 'samir-haddad', territory: 'parc-extension', language: 'fr', daysAgo: 9,
    title: 'OBNL à soutenir',
    description: 'Des organismes qui pourraient avoir besoin d’un coup de main en comptabilité.',
    items: [{ project: 'Aide aux devoirs à Parc-Extension' }, { project: 'Vélo-cargo solidaire de Villeray', note: 'Un registre des remboursements à mettre en place.' }],
  },
  {
    owner: 'priya-natarajan', visibility: 'private', language: 'en', daysAgo: 2,
    title: 'Ideas for the kids',
    description: 'Private list: activities to try with my two.',
    items: [{ project: 'Aide aux devoirs à Parc-Extension' }, { project: 'Park Extension youth mural' }],
  },
];

const DAY = 86_400_000;

/** Demo boards filled with the demo's public projects and active offers; anything missing is skipped. */
export async function seedDemoBoards(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  const handles = [...new Set(BOARDS.map((b) => b.owner))];
  const [people, places, banks, publicProjects, activeOffers] = await Promise.all([
    deps.db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles)),
    deps.db.select({ id: territories.id, slug: territories.slug }).from(territories),
    deps.db.select({ id: caisses.id, slug: caisses.slug }).from(caisses),
    deps.db.select({ id: projects.id, title: projects.title }).from(projects).where(and(inArray(projects.status, ['published', 'in_progress', 'completed']), isNull(projects.hiddenAt))),
    deps.db.select({ id: offers.id, title: offers.title }).from(offers).where(eq(offers.status, 'active')),
  ]);
  const byHandle = new Map(people.map((p) => [p.handle, p.id]));
  const bySlug = new Map(places.map((t) => [t.slug, t.id]));
  const caisseBySlug = new Map(banks.map((c) => [c.slug, c.id]));
  const projectByTitle = new Map(publicProjects.map((p) => [p.title, p.id]));
  const offerByTitle = new Map(activeOffers.map((o) => [o.title, o.id]));
  let count = 0;
  await deps.db.transaction(async (tx) => {
    for (const b of BOARDS) {
      const ownerId = byHandle.get(b.owner);
      if (!ownerId) continue;
      const id = newId();
      const at = new Date(now.getTime() - b.daysAgo * DAY);
      await tx.insert(boards).values({
        id, ownerId, title: b.title, description: b.description, language: b.language, visibility: b.visibility ?? 'public', curated: b.caisse !== undefined,
        territoryId: b.territory ? (bySlug.get(b.territory) ?? null) : null, caisseId: b.caisse ? (caisseBySlug.get(b.caisse) ?? null) : null, createdAt: at, updatedAt: at,
      });
      let position = 0;
      for (const item of b.items) {
        const itemId = item.project ? projectByTitle.get(item.project) : item.offer ? offerByTitle.get(item.offer) : undefined;
        if (!itemId) continue;
        await tx.insert(boardItems).values({ boardId: id, itemType: item.project ? 'project' : 'offer', itemId, position: position++, note: item.note ?? '', addedBy: ownerId, createdAt: at });
      }
      count++;
    }
  });
  return count;
}
