/** Strings of the caisses module, fr-CA first; the parity test compares both sides. */
export const fr = {
  errors: {
    CAISSE_NOT_FOUND: 'Cette caisse est introuvable.',
  },
  caisses: {
    list: {
      title: 'Caisses',
      intro: 'Les caisses sont la porte d’entrée des projets : elles accueillent les promoteurs, parrainent les projets et animent l’entraide dans les territoires qu’elles desservent.',
      empty: 'Aucune caisse pour le moment.',
    },
    territoriesServed: 'Territoires desservis',
    noTerritory: 'Cette caisse ne dessert encore aucun territoire.',
    address: 'Adresse',
    website: 'Site web',
    websiteLink: 'Site web de {{name}}',
    details: 'Coordonnées',
  },
};

export const en: typeof fr = {
  errors: {
    CAISSE_NOT_FOUND: 'This caisse cannot be found.',
  },
  caisses: {
    list: {
      title: 'Caisses',
      intro: 'Caisses are the entry door of every project: they welcome promoters, sponsor projects and drive mutual aid in the territories they serve.',
      empty: 'No caisses yet.',
    },
    territoriesServed: 'Territories served',
    noTerritory: 'This caisse does not serve any territory yet.',
    address: 'Address',
    website: 'Website',
    websiteLink: '{{name}} website',
    details: 'Contact details',
  },
};
