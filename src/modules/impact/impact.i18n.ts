/** Strings of the impact ledger, fr-CA first; the parity test compares both sides. */
export const fr = {
  impact: {
    title: 'Impact',
    intro: 'L’aide confirmée par les deux parties et dont la date est arrivée, comptée sans nommer personne.',
    planned: {
      title: 'Prévu',
      intro: 'Aide déjà confirmée, mais dont la date n’est pas encore arrivée : elle sera comptée ce jour-là.',
    },
    mine: 'Mon impact',
    empty: 'Aucune aide confirmée pour le moment.',
    figures: {
      hours_one: 'heure de temps donnée',
      hours_other: 'heures de temps données',
      funded: 'versés en financement',
      lent: 'prêtés',
      itemsLent_one: 'objet prêté',
      itemsLent_other: 'objets prêtés',
      itemsGiven_one: 'objet, produit ou service donné',
      itemsGiven_other: 'objets, produits ou services donnés',
      people_one: 'personne a aidé',
      people_other: 'personnes ont aidé',
      pledges_one: 'engagement réalisé',
      pledges_other: 'engagements réalisés',
      projects_one: 'projet soutenu',
      projects_other: 'projets soutenus',
    },
    validation: { toBeforeFrom: 'La date de fin doit suivre la date de début.' },
  },
};

export const en: typeof fr = {
  impact: {
    title: 'Impact',
    intro: 'Help confirmed by both sides whose date has come, counted without naming anyone.',
    planned: {
      title: 'Planned',
      intro: 'Help already confirmed whose date has not come yet: it will be counted on that day.',
    },
    mine: 'My impact',
    empty: 'No confirmed help yet.',
    figures: {
      hours_one: 'hour of time given',
      hours_other: 'hours of time given',
      funded: 'given in funding',
      lent: 'lent',
      itemsLent_one: 'item lent',
      itemsLent_other: 'items lent',
      itemsGiven_one: 'item, product or service given',
      itemsGiven_other: 'items, products or services given',
      people_one: 'person helped',
      people_other: 'people helped',
      pledges_one: 'pledge fulfilled',
      pledges_other: 'pledges fulfilled',
      projects_one: 'project supported',
      projects_other: 'projects supported',
    },
    validation: { toBeforeFrom: 'The end date must come after the start date.' },
  },
};
