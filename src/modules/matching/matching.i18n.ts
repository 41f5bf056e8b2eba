/** Strings of matching (who could help, needs near you), fr-CA first; the parity test compares both sides. */
export const fr = {
  matching: {
    kindNoun: {
      volunteering: 'du bénévolat',
      expertise: 'de l’expertise',
      product: 'des produits',
      service: 'des services',
      funding: 'du financement',
      loan: 'un prêt',
      material: 'du matériel',
    },
    reason: {
      offerSkill: 'offre « {{skill}} »',
      offerSkillIn: 'offre « {{skill}} » dans le quartier {{territory}}',
      offerKind: 'offre {{kind}}',
      offerKindIn: 'offre {{kind}} dans le quartier {{territory}}',
      personSkill: 'a la compétence « {{skill}} »',
      personSkillIn: 'a la compétence « {{skill}} », dans le quartier {{territory}}',
      needSkill: 'demande « {{skill}} »',
      needSkillIn: 'demande « {{skill}} », dans votre quartier ({{territory}})',
      more_one: ' (et {{count}} autre compétence)',
      more_other: ' (et {{count}} autres compétences)',
      partner: ' — partenaire sur l’honneur',
    },
    whoCouldHelp: {
      title: 'Qui pourrait aider',
      empty: 'Aucune offre ni personne ne correspond pour le moment.',
      browseOffers: 'Parcourir les offres d’entraide',
    },
    contact: 'Écrire à {{name}}',
    page: {
      title: 'Qui pourrait aider : {{need}}',
      intro: 'Des offres et des personnes dont le type d’aide, les compétences ou le quartier correspondent à ce besoin, les plus proches d’abord.',
    },
    nearYou: {
      title: 'Des besoins près de chez vous qui correspondent à vos compétences',
      empty: 'Aucun besoin ouvert ne correspond à vos compétences pour le moment.',
      addSkills: 'Ajouter des compétences à mon profil',
      deadline: 'avant le {{date}}',
    },
  },
};

export const en: typeof fr = {
  matching: {
    kindNoun: {
      volunteering: 'volunteer time',
      expertise: 'expertise',
      product: 'products',
      service: 'services',
      funding: 'funding',
      loan: 'a loan',
      material: 'equipment',
    },
    reason: {
      offerSkill: 'offers {{skill}}',
      offerSkillIn: 'offers {{skill}} in {{territory}}',
      offerKind: 'offers {{kind}}',
      offerKindIn: 'offers {{kind}} in {{territory}}',
      personSkill: 'skilled in {{skill}}',
      personSkillIn: 'skilled in {{skill}}, in {{territory}}',
      needSkill: 'asks for {{skill}}',
      needSkillIn: 'asks for {{skill}}, in your neighbourhood ({{territory}})',
      more_one: ' (and {{count}} other skill)',
      more_other: ' (and {{count}} other skills)',
      partner: ' — partner on their honour',
    },
    whoCouldHelp: {
      title: 'Who could help',
      empty: 'No offer or person matches for now.',
      browseOffers: 'Browse offers of help',
    },
    contact: 'Write to {{name}}',
    page: {
      title: 'Who could help: {{need}}',
      intro: 'Offers and people whose kind of help, skills or neighbourhood match this need, the closest first.',
    },
    nearYou: {
      title: 'Needs near you that match your skills',
      empty: 'No open need matches your skills for now.',
      addSkills: 'Add skills to my profile',
      deadline: 'by {{date}}',
    },
  },
};
