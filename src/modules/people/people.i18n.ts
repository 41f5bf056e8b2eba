/** Strings of the people module, fr-CA first; the parity test compares both sides. */
export const fr = {
  people: {
    livesIn: 'Quartier : {{territory}}',
    photoLabel: 'Photo —',
    territoryLabel: 'Quartier —',
    bio: 'À propos',
    skills: 'Compétences offertes',
    interests: 'Intérêts',
    links: 'Liens',
    empty: 'Cette personne n’a encore rien partagé sur sa page.',
    notFilled: 'Pas encore rempli.',
    visibleTo: 'visible par : {{who}}',
    ownerTools: 'Gérer ma page',
    editMine: 'Modifier ma page',
    preview: {
      notice: 'Aperçu : voici votre page telle que la voit {{who}}.',
      exit: 'Quitter l’aperçu',
      as: { visitor: 'une personne non connectée', member: 'une personne connectée', owner: 'vous' },
      link: { visitor: 'Voir comme une personne non connectée', member: 'Voir comme une personne connectée' },
    },
  },
};

export const en: typeof fr = {
  people: {
    livesIn: 'Neighbourhood: {{territory}}',
    photoLabel: 'Photo —',
    territoryLabel: 'Neighbourhood —',
    bio: 'About',
    skills: 'Skills offered',
    interests: 'Interests',
    links: 'Links',
    empty: 'This person has not shared anything on their page yet.',
    notFilled: 'Not filled in yet.',
    visibleTo: 'visible to: {{who}}',
    ownerTools: 'Manage my page',
    editMine: 'Edit my page',
    preview: {
      notice: 'Preview: this is your page as {{who}} sees it.',
      exit: 'Leave the preview',
      as: { visitor: 'someone who is not signed in', member: 'a signed-in person', owner: 'you' },
      link: { visitor: 'View as someone not signed in', member: 'View as a signed-in person' },
    },
  },
};
