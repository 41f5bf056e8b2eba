import type { RolloutState, TerritoryKind } from '../modules/territories/territories.tables.js';

type TerritorySeed = { slug: string; kind: TerritoryKind; parent: string | null; fr: string; en: string; state: RolloutState; descFr: string; descEn: string };

/** The pilot of the seed article: Montréal → boroughs → four pilot neighbourhoods, then the next waves. */
export const TERRITORIES: TerritorySeed[] = [
  { slug: 'montreal', kind: 'metropolis', parent: null, fr: 'Montréal', en: 'Montréal', state: 'pilot', descFr: 'La métropole, où l’Espace Collectif se déploie quartier par quartier.', descEn: 'The metropolis, where Espace Collectif rolls out neighbourhood by neighbourhood.' },
  { slug: 'le-plateau-mont-royal', kind: 'borough', parent: 'montreal', fr: 'Le Plateau-Mont-Royal (arrondissement)', en: 'Le Plateau-Mont-Royal (borough)', state: 'pilot', descFr: '', descEn: '' },
  { slug: 'ahuntsic-cartierville', kind: 'borough', parent: 'montreal', fr: 'Ahuntsic-Cartierville', en: 'Ahuntsic-Cartierville', state: 'pilot', descFr: '', descEn: '' },
  { slug: 'villeray-saint-michel-parc-extension', kind: 'borough', parent: 'montreal', fr: 'Villeray–Saint-Michel–Parc-Extension', en: 'Villeray–Saint-Michel–Parc-Extension', state: 'pilot', descFr: '', descEn: '' },
  { slug: 'rosemont-la-petite-patrie', kind: 'borough', parent: 'montreal', fr: 'Rosemont–La Petite-Patrie', en: 'Rosemont–La Petite-Patrie', state: 'waitlist', descFr: '', descEn: '' },
  { slug: 'plateau-mont-royal', kind: 'neighbourhood', parent: 'le-plateau-mont-royal', fr: 'Plateau-Mont-Royal', en: 'Plateau-Mont-Royal', state: 'pilot', descFr: 'Ruelles vertes, escaliers extérieurs et un tissu communautaire serré : le premier quartier pilote.', descEn: 'Green alleys, outdoor staircases and a close-knit community: the first pilot neighbourhood.' },
  { slug: 'ahuntsic', kind: 'neighbourhood', parent: 'ahuntsic-cartierville', fr: 'Ahuntsic', en: 'Ahuntsic', state: 'pilot', descFr: 'Au bord de la rivière des Prairies, des jardins collectifs et des organismes très actifs.', descEn: 'On the Rivière des Prairies, with community gardens and very active local groups.' },
  { slug: 'villeray', kind: 'neighbourhood', parent: 'villeray-saint-michel-parc-extension', fr: 'Villeray', en: 'Villeray', state: 'pilot', descFr: 'Autour du parc Jarry et du marché Jean-Talon, un quartier de familles et de commerces locaux.', descEn: 'Around Jarry Park and the Jean-Talon Market, a neighbourhood of families and local shops.' },
  { slug: 'parc-extension', kind: 'neighbourhood', parent: 'villeray-saint-michel-parc-extension', fr: 'Parc-Extension', en: 'Park Extension', state: 'pilot', descFr: 'Un des quartiers les plus multiculturels du Canada, riche de son entraide.', descEn: 'One of Canada’s most multicultural neighbourhoods, rich in mutual aid.' },
  { slug: 'rosemont', kind: 'neighbourhood', parent: 'rosemont-la-petite-patrie', fr: 'Rosemont', en: 'Rosemont', state: 'waitlist', descFr: 'Prochaine vague : inscrivez-vous à la liste d’attente pour être avisé de l’ouverture.', descEn: 'Next wave: join the waitlist to hear when it opens.' },
  { slug: 'la-petite-patrie', kind: 'neighbourhood', parent: 'rosemont-la-petite-patrie', fr: 'La Petite-Patrie', en: 'La Petite-Patrie', state: 'planned', descFr: 'Ouverture prévue après la phase pilote.', descEn: 'Opening planned after the pilot phase.' },
];

export const CAISSES = [
  {
    slug: 'plateau-mont-royal',
    name: 'Caisse populaire du Plateau-Mont-Royal',
    fr: 'Caisse de proximité du Plateau, partenaire fondatrice de l’Espace Collectif.',
    en: 'The Plateau’s local caisse, a founding partner of Espace Collectif.',
    address: '1 avenue du Mont-Royal Est, Montréal (Québec)',
    territories: ['plateau-mont-royal'],
  },
  {
    slug: 'cite-du-nord-de-montreal',
    name: 'Caisse de la Cité-du-Nord-de-Montréal',
    fr: 'Au service des membres d’Ahuntsic et de Villeray.',
    en: 'Serving members in Ahuntsic and Villeray.',
    address: '2 boulevard Henri-Bourassa Est, Montréal (Québec)',
    territories: ['ahuntsic', 'villeray'],
  },
  {
    slug: 'economie-solidaire',
    name: 'Caisse d’économie solidaire',
    fr: 'La caisse des entreprises collectives, des coopératives et des organismes communautaires.',
    en: 'The caisse of collective enterprises, cooperatives and community organisations.',
    address: '3 rue Saint-Denis, Montréal (Québec)',
    territories: ['parc-extension', 'villeray', 'plateau-mont-royal'],
  },
] as const;
