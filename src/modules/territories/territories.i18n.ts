/** Strings of the territories module, fr-CA first; the parity test compares both sides. */
export const fr = {
  territories: {
    list: {
      title: 'Territoires',
      intro: 'Espace Collectif se déploie territoire par territoire : d’abord quatre quartiers pilotes de Montréal, puis toute la métropole, puis au-delà.',
      treeLabel: 'Territoires, de la métropole aux quartiers',
      empty: 'Aucun territoire pour le moment.',
    },
    servedBy: 'Desservi par',
    noCaisse: 'Aucune caisse n’est encore associée à ce territoire.',
    detail: {
      breadcrumb: 'Fil d’Ariane',
      allTerritories: 'Territoires',
      stateTitle: 'Où en est le déploiement',
      caissesTitle: 'Caisses qui desservent ce territoire',
      childrenTitle: 'Territoires compris',
      join: 'Créer mon compte dans ce quartier',
      myPage: 'Aller à ma page',
      chooseNeighbourhood: 'Pour participer, choisissez un des quartiers ci-dessous.',
    },
    stateSentence: {
      planned: 'Ouverture prévue dans une prochaine vague : inscrivez-vous à la liste d’attente pour être avisé.',
      waitlist: 'Prochaine vague : rejoignez la liste d’attente et nous vous écrirons dès l’ouverture.',
      pilot: 'En projet pilote : inscrivez-vous et participez dès maintenant.',
      open: 'Ouvert à toutes et à tous : inscrivez-vous et participez.',
    },
    waitlist: {
      title: 'Liste d’attente',
      intro: 'Laissez votre courriel : il sert seulement à vous avertir de l’ouverture de ce territoire.',
      email: 'Votre courriel',
      submit: 'M’avertir de l’ouverture',
      accepted: 'Merci! Cette adresse est inscrite à la liste d’attente. Nous vous écrirons dès l’ouverture du territoire.',
    },
  },
};

export const en: typeof fr = {
  territories: {
    list: {
      title: 'Territories',
      intro: 'Espace Collectif rolls out territory by territory: first four Montréal pilot neighbourhoods, then the whole metropolis, then beyond.',
      treeLabel: 'Territories, from the metropolis down to neighbourhoods',
      empty: 'No territories yet.',
    },
    servedBy: 'Served by',
    noCaisse: 'No caisse serves this territory yet.',
    detail: {
      breadcrumb: 'Breadcrumb',
      allTerritories: 'Territories',
      stateTitle: 'Where the rollout stands',
      caissesTitle: 'Caisses serving this territory',
      childrenTitle: 'Territories within',
      join: 'Create my account in this neighbourhood',
      myPage: 'Go to my page',
      chooseNeighbourhood: 'To take part, choose one of the neighbourhoods below.',
    },
    stateSentence: {
      planned: 'Opening planned in a coming wave: join the waitlist to hear about it.',
      waitlist: 'Next wave: join the waitlist and we will write to you as soon as it opens.',
      pilot: 'In pilot: sign up and take part now.',
      open: 'Open to everyone: sign up and take part.',
    },
    waitlist: {
      title: 'Waitlist',
      intro: 'Leave your e-mail: it is used only to tell you when this territory opens.',
      email: 'Your e-mail',
      submit: 'Tell me when it opens',
      accepted: 'Thank you! This address is on the waitlist. We will write to you as soon as the territory opens.',
    },
  },
};
