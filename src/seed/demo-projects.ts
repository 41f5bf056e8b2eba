import sharp from 'sharp';
import type { Deps } from '../platform/deps.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { usersRepository } from '../modules/auth/users.repository.js';
import { mediaStore } from '../modules/media/media.service.js';
import type { ProjectCategory, ProjectStatus } from '../modules/projects/projects.tables.js';
import { projectsRepository } from '../modules/projects/projects.repository.js';
import { projectContentRepository } from '../modules/projects/projects.content.repository.js';
import { newImageStorageKey, toProjectImage, variantKey } from '../modules/projects/projects.images.js';
import { needsRepository } from '../modules/needs/needs.repository.js';
import type { NeedKind } from '../modules/needs/needs.tables.js';
import { UNIT_BY_KIND } from '../modules/needs/needs.status.js';

type DemoNeed = { kind: NeedKind; title: string; quantity: number; description?: string; skills?: string[]; paid?: boolean; rateCents?: number; loanTermMonths?: number; loanRateBps?: number; materialMode?: 'lend' | 'give'; returnInDays?: number; deadlineInDays?: number; closed?: boolean };
type DemoProject = {
  key: string; promoter: string; team?: string[]; territory: string; caisse?: string; category: ProjectCategory; status: ProjectStatus; language: 'fr' | 'en'; daysAgo: number;
  title: string; summary: string; description: string; colours: [string, string]; alt: string; needs: DemoNeed[]; updates?: { title: string; body: string; daysAgo: number }[];
};

const DAY = 86_400_000;

/** Eight neighbourhood projects of the pilot, in French and English, at every stage of their life. */
const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'velo-cargo', promoter: 'louis-gagnon', team: ['daniel-oconnor'], territory: 'villeray', caisse: 'cite-du-nord-de-montreal', category: 'mobility', status: 'published', language: 'fr', daysAgo: 3,
    title: 'Vélo-cargo solidaire de Villeray',
    summary: 'Un vélo-cargo partagé pour livrer les paniers du marché Jean-Talon aux aînés et aux familles du quartier, sans voiture.',
    description: 'Chaque samedi, des bénévoles livreront à vélo les **paniers de fruits et légumes** du marché aux personnes qui ne peuvent pas se déplacer.\n\n- un vélo-cargo prêté par un voisin, le temps de roder le projet;\n- un petit prêt sans intérêt pour acheter le nôtre;\n- quelques heures de tenue de livres pour suivre les dépenses.\n\nLe point de départ : l’atelier de Louis, rue Villeray.',
    colours: ['#0b5d4b', '#f2b134'], alt: 'Illustration : grands cercles jaunes sur fond vert, couleurs du projet de vélo-cargo',
    needs: [
      { kind: 'volunteering', title: 'Cyclistes pour les livraisons du samedi', quantity: 10, skills: ['vélo', 'livraison'], deadlineInDays: 30, description: 'Des tournées de deux heures, en duo.' },
      { kind: 'loan', title: 'Prêt pour l’achat du vélo-cargo', quantity: 200_000, loanTermMonths: 12, loanRateBps: 0, description: 'Remboursé en douze versements grâce aux contributions des familles.' },
      { kind: 'material', title: 'Un vélo-cargo prêté pour l’été', quantity: 1, materialMode: 'lend', returnInDays: 90, skills: ['réparation de vélos'] },
      { kind: 'expertise', title: 'Tenue de livres', quantity: 6, paid: false, skills: ['tenue de livres', 'comptabilité'], description: 'Mettre en place un petit registre des dépenses et des remboursements.' },
    ],
    updates: [{ title: 'On a trouvé un local!', body: 'L’atelier de Louis accueillera le vélo entre les tournées. Merci à tous les voisins qui ont répondu!', daysAgo: 1 }],
  },
  {
    key: 'frigo-fabre', promoter: 'marie-eve-tremblay', territory: 'plateau-mont-royal', caisse: 'plateau-mont-royal', category: 'food', status: 'in_progress', language: 'fr', daysAgo: 40,
    title: 'Frigo communautaire de la rue Fabre',
    summary: 'Un frigo en libre-service devant la bibliothèque : on y dépose ce qui reste, on y prend ce qu’il faut, sans gêne.',
    description: 'Le frigo fonctionne depuis le printemps. Il nous faut maintenant **des bénévoles pour l’entretien quotidien** et des contenants réutilisables.\n\nRègles simples : rien d’entamé, tout étiqueté, le frigo nettoyé chaque soir.',
    colours: ['#b3471d', '#fbe3c8'], alt: 'Illustration : formes orangées sur fond crème, couleurs du frigo communautaire',
    needs: [
      { kind: 'volunteering', title: 'Entretien du frigo, 30 minutes par soir', quantity: 20, skills: ['salubrité alimentaire'] },
      { kind: 'product', title: 'Contenants réutilisables en verre', quantity: 30 },
      { kind: 'funding', title: 'Remplacement du joint de porte et thermomètre', quantity: 50_000 },
    ],
    updates: [
      { title: '1 000 repas sauvés', body: 'Depuis l’ouverture, plus de 1 000 portions ont trouvé preneur. Bravo à l’équipe du soir!', daysAgo: 10 },
      { title: 'Nouvel horaire d’entretien', body: 'L’entretien se fait maintenant à 19 h. Inscrivez-vous sur cette page.', daysAgo: 25 },
    ],
  },
  {
    key: 'ruelle-verte', promoter: 'marie-eve-tremblay', team: ['jean-francois-roy'], territory: 'plateau-mont-royal', caisse: 'economie-solidaire', category: 'environment', status: 'published', language: 'fr', daysAgo: 12,
    title: 'Ruelle verte Fabre–Chambord',
    summary: 'Verdir la ruelle entre Fabre et Chambord : bacs de plantation, vignes sur les clôtures et une marelle pour les enfants.',
    description: 'Les riverains ont voté : on retire 40 m² d’asphalte au printemps.\n\nNous cherchons des plants, des bras pour la corvée et un peu d’expertise en horticulture pour choisir des espèces indigènes.',
    colours: ['#2f7d5b', '#c8e6c9'], alt: 'Illustration : feuillage stylisé vert clair sur fond vert, couleurs de la ruelle verte',
    needs: [
      { kind: 'material', title: 'Plants de vivaces indigènes', quantity: 40, materialMode: 'give' },
      { kind: 'volunteering', title: 'Corvée de plantation', quantity: 15, deadlineInDays: 21 },
      { kind: 'expertise', title: 'Conseils en horticulture', quantity: 3, skills: ['horticulture', 'plantes indigènes'] },
    ],
    updates: [{ title: 'Permis obtenu', body: 'L’arrondissement a accepté le projet. Rendez-vous le premier samedi de mai!', daysAgo: 5 }],
  },
  {
    key: 'devoirs', promoter: 'fatima-diallo', territory: 'parc-extension', caisse: 'economie-solidaire', category: 'education', status: 'published', language: 'fr', daysAgo: 7,
    title: 'Aide aux devoirs à Parc-Extension',
    summary: 'Deux soirs par semaine, des bénévoles accompagnent les élèves du primaire dans leurs devoirs, en français, en anglais et en ourdou.',
    description: 'Le local de la rue Ogilvy accueille déjà 25 enfants. Il manque des **bénévoles** et des trousses scolaires pour la rentrée.',
    colours: ['#1e3a8a', '#ffd166'], alt: 'Illustration : cercles jaunes sur fond bleu nuit, couleurs de l’aide aux devoirs',
    needs: [
      { kind: 'volunteering', title: 'Bénévoles pour l’aide aux devoirs', quantity: 40, skills: ['aide aux devoirs', 'pédagogie'], description: 'Mardi et jeudi, de 16 h à 18 h.' },
      { kind: 'product', title: 'Trousses scolaires complètes', quantity: 25, deadlineInDays: 45 },
      { kind: 'service', title: 'Impression des fiches d’exercices', quantity: 1 },
    ],
  },
  {
    key: 'murale', promoter: 'priya-natarajan', territory: 'parc-extension', caisse: 'economie-solidaire', category: 'culture', status: 'published', language: 'en', daysAgo: 18,
    title: 'Park Extension youth mural',
    summary: 'Teenagers from the neighbourhood design and paint a mural on the wall of the community centre, with a professional muralist.',
    description: 'Twelve teenagers have sketched the design over the winter. We now need **paint, scaffolding and a muralist** to lead the painting days.\n\nThe mural will tell the story of the families who arrived in Park Extension.',
    colours: ['#7c3aed', '#f59e0b'], alt: 'Illustration: orange shapes on a purple background, colours of the youth mural',
    needs: [
      { kind: 'funding', title: 'Paint and brushes', quantity: 150_000 },
      { kind: 'expertise', title: 'A muralist to lead the painting days', quantity: 20, paid: true, rateCents: 4500, skills: ['mural painting', 'youth work'] },
      { kind: 'volunteering', title: 'Adults to supervise the painting days', quantity: 12 },
    ],
    updates: [{ title: 'The design is ready', body: 'Thanks to everyone who voted on the three sketches. The winning design features the Jean-Talon station.', daysAgo: 8 }],
  },
  {
    key: 'jardin', promoter: 'sophie-lavoie', team: ['emily-chen'], territory: 'ahuntsic', caisse: 'cite-du-nord-de-montreal', category: 'environment', status: 'in_progress', language: 'fr', daysAgo: 60,
    title: 'Jardin collectif des Prairies',
    summary: 'Trente jardinets au bord de la rivière des Prairies, cultivés ensemble et partagés avec la banque alimentaire du quartier.',
    description: 'La saison est commencée! Il nous faut un **motoculteur prêté** pour préparer les nouvelles parcelles et des bras pour l’arrosage pendant les vacances.',
    colours: ['#4d7c0f', '#fef3c7'], alt: 'Illustration : motif vert olive sur fond crème, couleurs du jardin collectif',
    needs: [
      { kind: 'material', title: 'Motoculteur prêté pour une fin de semaine', quantity: 1, materialMode: 'lend', returnInDays: 20 },
      { kind: 'volunteering', title: 'Arrosage pendant les vacances', quantity: 30 },
      { kind: 'funding', title: 'Semences et compost', quantity: 80_000 },
    ],
    updates: [{ title: 'Première récolte', body: 'Les radis et la laitue sont partis à la banque alimentaire cette semaine.', daysAgo: 6 }],
  },
  {
    key: 'diners', promoter: 'sophie-lavoie', territory: 'ahuntsic', category: 'seniors', status: 'completed', language: 'fr', daysAgo: 120,
    title: 'Dîners des aînés d’Ahuntsic',
    summary: 'Un dîner par mois pour briser l’isolement des aînés du quartier, préparé par des bénévoles et servi à la salle paroissiale.',
    description: 'Dix dîners, 400 couverts, et de belles amitiés. Merci à toutes les personnes qui ont cuisiné et servi!',
    colours: ['#9d174d', '#fce7f3'], alt: 'Illustration : formes framboise sur fond rose pâle, couleurs des dîners des aînés',
    needs: [{ kind: 'volunteering', title: 'Cuisine et service', quantity: 24, closed: true }],
    updates: [{ title: 'Merci!', body: 'Le projet est terminé : 400 repas servis en dix mois.', daysAgo: 30 }],
  },
  {
    key: 'cafe-reparation', promoter: 'louis-gagnon', territory: 'villeray', category: 'local_economy', status: 'draft', language: 'fr', daysAgo: 0,
    title: 'Café réparation de Villeray',
    summary: 'Un samedi par mois, on répare ensemble grille-pain, vélos et vêtements plutôt que de les jeter.',
    description: 'Brouillon : trouver une salle et des réparateurs bénévoles.',
    colours: ['#374151', '#e5e7eb'], alt: 'Illustration : formes grises, couleurs du café réparation',
    needs: [{ kind: 'material', title: 'Outils de base (tournevis, pinces, fer à souder)', quantity: 10, materialMode: 'give' }],
  },
  {
    key: 'soccer', promoter: 'fatima-diallo', territory: 'parc-extension', caisse: 'economie-solidaire', category: 'sport', status: 'submitted', language: 'fr', daysAgo: 0,
    title: 'Ligue de soccer inclusive du parc Jarry',
    summary: 'Une ligue mixte et gratuite pour les 9 à 14 ans, où chaque équipe compte des joueurs de tous les niveaux.',
    description: 'Soumis à la caisse pour approbation : ballons, dossards et entraîneurs bénévoles.',
    colours: ['#065f46', '#a7f3d0'], alt: 'Illustration : formes vert menthe sur fond vert foncé, couleurs de la ligue de soccer',
    needs: [
      { kind: 'product', title: 'Ballons et dossards', quantity: 40 },
      { kind: 'volunteering', title: 'Entraîneurs bénévoles', quantity: 50 },
    ],
  },
];

/** A soft abstract cover (no text) rendered at seed time and stored through the project image pipeline. */
async function coverImage(deps: Deps, colours: [string, string]): Promise<{ storageKey: string; width: number; height: number }> {
  const [bg, fg] = colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="750"><rect width="1200" height="750" fill="${bg}"/><circle cx="980" cy="150" r="260" fill="${fg}" opacity="0.85"/><circle cx="260" cy="640" r="190" fill="${fg}" opacity="0.55"/><circle cx="640" cy="380" r="90" fill="${fg}" opacity="0.35"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const processed = await toProjectImage(png);
  const storageKey = newImageStorageKey();
  for (const v of processed.variants) await mediaStore(deps).put(variantKey(storageKey, v.width), v.data);
  return { storageKey, width: processed.width, height: processed.height };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

async function insertNeeds(db: Db, projectId: string, list: DemoNeed[]): Promise<void> {
  for (const [position, n] of list.entries()) {
    await needsRepository.insert(db, {
      id: newId(), projectId, kind: n.kind, title: n.title, description: n.description ?? '', quantity: n.quantity, unit: UNIT_BY_KIND[n.kind], position,
      paid: n.paid ?? false, rateCents: n.rateCents ?? null, loanTermMonths: n.loanTermMonths ?? null, loanRateBps: n.loanRateBps ?? null,
      materialMode: n.materialMode ?? null, returnDate: n.returnInDays ? day(n.returnInDays) : null, skills: n.skills ?? [], deadline: n.deadlineInDays ? day(n.deadlineInDays) : null,
      closedAt: n.closed ? new Date() : null,
    });
  }
}

/**
 * Demo projects with their needs, covers, teams, news and status history. Promoters are demo people
 * found by handle (a project whose promoter is missing is skipped). `ids` maps territory slugs and
 * `caisse:<slug>` to ids, as seedReferenceData returns. Returns the project ids by key.
 */
export async function seedDemoProjects(deps: Deps, ids: Map<string, string>): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const p of DEMO_PROJECTS) {
    const promoter = await usersRepository.findByHandle(deps.db, p.promoter);
    const territoryId = ids.get(p.territory);
    if (!promoter || !territoryId) continue;
    const cover = await coverImage(deps, p.colours);
    const id = newId();
    const at = new Date(Date.now() - p.daysAgo * DAY);
    const live = p.status === 'published' || p.status === 'in_progress' || p.status === 'completed';
    await deps.db.transaction(async (tx) => {
      await projectsRepository.insert(tx, {
        id, promoterId: promoter.id, territoryId, caisseId: p.caisse ? (ids.get(`caisse:${p.caisse}`) ?? null) : null, title: p.title, summary: p.summary, description: p.description,
        category: p.category, language: p.language, status: p.status, publishedAt: live ? at : null, createdAt: new Date(at.getTime() - 2 * DAY), updatedAt: at,
      });
      await projectsRepository.addTeamMember(tx, id, promoter.id, 'promoter');
      for (const handle of p.team ?? []) {
        const member = await usersRepository.findByHandle(tx, handle);
        if (member) await projectsRepository.addTeamMember(tx, id, member.id, 'member');
      }
      const image = await projectContentRepository.insertImage(tx, { projectId: id, storageKey: cover.storageKey, alt: p.alt, width: cover.width, height: cover.height, position: 0 });
      await projectsRepository.update(tx, id, { coverImageId: image.id, updatedAt: at });
      await insertNeeds(tx, id, p.needs);
      for (const u of p.updates ?? []) await projectContentRepository.insertUpdate(tx, { projectId: id, authorId: promoter.id, title: u.title, body: u.body, createdAt: new Date(Date.now() - u.daysAgo * DAY) });
      const path: ProjectStatus[] = live ? ['draft', 'published', ...(p.status === 'published' ? [] : ['in_progress' as const]), ...(p.status === 'completed' ? ['completed' as const] : [])] : p.status === 'submitted' ? ['draft', 'submitted'] : ['draft'];
      for (let i = 1; i < path.length; i++) await projectsRepository.insertTransition(tx, { projectId: id, actorId: promoter.id, fromStatus: path[i - 1]!, toStatus: path[i]!, note: '' });
    });
    created.set(p.key, id);
  }
  return created;
}
