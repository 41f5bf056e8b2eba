/** Strings of the search page (`search.*`); fr-CA is the reference. */
export const fr = {
  search: {
    nav: 'Recherche',
    title: 'Recherche',
    titleFor: 'Recherche : « {{q}} »',
    intro: 'Cherchez parmi les projets, les offres, les organisations et les personnes. Les accents et les majuscules ne comptent pas.',
    label: 'Mots recherchés',
    hint: 'Au moins deux caractères, par exemple « eglise » ou « jardin ».',
    submit: 'Rechercher',
    tabsLabel: 'Types de résultats',
    all: 'Tout',
    types: { project: 'Projets', offer: 'Offres', organisation: 'Organisations', person: 'Personnes' },
    typeOne: { project: 'Projet', offer: 'Offre', organisation: 'Organisation', person: 'Personne' },
    seeAll: 'Voir tous les résultats : {{type}}',
    more: 'Plus de résultats',
    empty: 'Aucun résultat pour « {{q}} ».',
    emptyHelp: 'Essayez un autre mot, plus court ou plus général.',
    emptyType: 'Aucun résultat de ce type.',
    prompt: 'Tapez au moins deux caractères pour lancer la recherche.',
  },
};

export const en: typeof fr = {
  search: {
    nav: 'Search',
    title: 'Search',
    titleFor: 'Search: “{{q}}”',
    intro: 'Search projects, offers, organisations and people. Accents and capitals do not matter.',
    label: 'Search words',
    hint: 'At least two characters, for example “eglise” or “garden”.',
    submit: 'Search',
    tabsLabel: 'Kinds of results',
    all: 'All',
    types: { project: 'Projects', offer: 'Offers', organisation: 'Organisations', person: 'People' },
    typeOne: { project: 'Project', offer: 'Offer', organisation: 'Organisation', person: 'Person' },
    seeAll: 'See all results: {{type}}',
    more: 'More results',
    empty: 'No results for “{{q}}”.',
    emptyHelp: 'Try another word, shorter or more general.',
    emptyType: 'No results of this kind.',
    prompt: 'Type at least two characters to search.',
  },
};
