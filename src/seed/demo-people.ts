import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { users, type ProfilePrivacy } from '../modules/auth/auth.tables.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { rolesRepository } from '../modules/admin/roles.repository.js';

/** Every demo account signs in with this password (documented in the README). */
const DEMO_PASSWORD = 'entraide-demo-2026';

const OPEN: ProfilePrivacy = { photo: 'public', bio: 'public', skills: 'public', interests: 'public', territory: 'public', links: 'public' };
const MEMBERS: ProfilePrivacy = { photo: 'members', bio: 'public', skills: 'members', interests: 'private', territory: 'public', links: 'members' };

type DemoPerson = {
  handle: string; name: string; email: string; locale: 'fr' | 'en'; territory: string; bio: string; skills: string[]; interests: string[];
  links?: { label: string; url: string }[]; privacy?: ProfilePrivacy; role?: { role: 'staff' | 'moderator' | 'admin'; caisse: string | null };
};

const DEMO_PEOPLE: DemoPerson[] = [
  { handle: 'admin', name: 'Équipe Espace Collectif', email: 'admin@demo.espace-collectif.ca', locale: 'fr', territory: 'plateau-mont-royal', bio: 'L’équipe qui anime et modère la plateforme.', skills: ['animation', 'modération'], interests: ['vie de quartier'], role: { role: 'admin', caisse: null } },
  { handle: 'audrey-st-onge', name: 'Audrey St-Onge', email: 'audrey@demo.espace-collectif.ca', locale: 'fr', territory: 'plateau-mont-royal', bio: 'Conseillère, communications et vie associative à la Caisse du Plateau-Mont-Royal.', skills: ['communication', 'vie associative'], interests: ['culture', 'ruelles vertes'], role: { role: 'staff', caisse: 'plateau-mont-royal' } },
  { handle: 'karim-benali', name: 'Karim Benali', email: 'karim@demo.espace-collectif.ca', locale: 'fr', territory: 'ahuntsic', bio: 'Agent de développement à la Caisse de la Cité-du-Nord. Je modère les échanges d’Ahuntsic et de Villeray.', skills: ['développement communautaire', 'modération'], interests: ['jardins collectifs'], role: { role: 'moderator', caisse: 'cite-du-nord-de-montreal' } },
  { handle: 'marie-eve-tremblay', name: 'Marie-Ève Tremblay', email: 'marie-eve@demo.espace-collectif.ca', locale: 'fr', territory: 'plateau-mont-royal', bio: 'Je coordonne la ruelle verte de la rue Fabre et un frigo communautaire. Toujours partante pour un coup de main!', skills: ['coordination de bénévoles', 'jardinage', 'cuisine collective'], interests: ['ruelles vertes', 'alimentation'], links: [{ label: 'Ruelle Fabre', url: 'https://example.org/ruelle-fabre' }], privacy: OPEN },
  { handle: 'samir-haddad', name: 'Samir Haddad', email: 'samir@demo.espace-collectif.ca', locale: 'fr', territory: 'parc-extension', bio: 'Comptable à la retraite, j’offre quelques heures par mois de tenue de livres aux OBNL du quartier.', skills: ['tenue de livres', 'comptabilité', 'fiscalité des OBNL'], interests: ['économie sociale'], privacy: OPEN },
  { handle: 'priya-natarajan', name: 'Priya Natarajan', email: 'priya@demo.espace-collectif.ca', locale: 'en', territory: 'parc-extension', bio: 'Graphic designer and mother of two. I help community groups with posters and social media visuals.', skills: ['graphic design', 'translation (Tamil, English, French)'], interests: ['youth', 'arts'], privacy: OPEN },
  { handle: 'louis-gagnon', name: 'Louis Gagnon', email: 'louis@demo.espace-collectif.ca', locale: 'fr', territory: 'villeray', bio: 'Menuisier. Je prête mes outils et je donne des ateliers de réparation au parc Jarry.', skills: ['menuiserie', 'réparation de vélos'], interests: ['réemploi', 'sport'], privacy: MEMBERS },
  { handle: 'sophie-lavoie', name: 'Sophie Lavoie', email: 'sophie@demo.espace-collectif.ca', locale: 'fr', territory: 'ahuntsic', bio: 'Coordonnatrice d’un jardin collectif au bord de la rivière des Prairies.', skills: ['agriculture urbaine', 'animation d’ateliers'], interests: ['environnement', 'aînés'], privacy: OPEN },
  { handle: 'daniel-oconnor', name: 'Daniel O’Connor', email: 'daniel@demo.espace-collectif.ca', locale: 'en', territory: 'villeray', bio: 'Web developer. I can build simple websites for neighbourhood groups, free of charge.', skills: ['web development', 'accessibility'], interests: ['open data', 'cycling'], links: [{ label: 'Portfolio', url: 'https://example.org/daniel' }], privacy: OPEN },
  { handle: 'fatima-diallo', name: 'Fatima Diallo', email: 'fatima@demo.espace-collectif.ca', locale: 'fr', territory: 'parc-extension', bio: 'Intervenante jeunesse, je cherche des bénévoles pour l’aide aux devoirs.', skills: ['intervention jeunesse', 'aide aux devoirs'], interests: ['éducation', 'sport'], privacy: MEMBERS },
  { handle: 'jean-francois-roy', name: 'Jean-François Roy', email: 'jf@demo.espace-collectif.ca', locale: 'fr', territory: 'plateau-mont-royal', bio: 'Propriétaire d’un café de quartier, partenaire de l’Espace Collectif.', skills: ['restauration', 'gestion de commerce'], interests: ['achat local'], privacy: OPEN },
  { handle: 'emily-chen', name: 'Emily Chen', email: 'emily@demo.espace-collectif.ca', locale: 'en', territory: 'ahuntsic', bio: 'Nurse and runner. Happy to give time to seniors’ activities on weekends.', skills: ['first aid', 'seniors support'], interests: ['health', 'running'], privacy: MEMBERS },
];

export async function seedDemoPeople(deps: Deps, ids: Map<string, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction(async (tx) => {
    for (const p of DEMO_PEOPLE) {
      const id = newId();
      await tx.insert(users).values({
        id, email: p.email, passwordHash, displayName: p.name, handle: p.handle, locale: p.locale, territoryId: ids.get(p.territory) ?? null,
        bio: p.bio, skills: p.skills, interests: p.interests, links: p.links ?? [], privacy: p.privacy ?? MEMBERS, emailVerifiedAt: new Date(), ageConfirmed: true,
        indexable: p.privacy === OPEN,
      });
      if (p.role) await rolesRepository.grant(tx, { userId: id, role: p.role.role, caisseId: p.role.caisse ? ids.get(`caisse:${p.role.caisse}`)! : null, grantedBy: null });
    }
  });
}
