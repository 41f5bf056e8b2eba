/** Strings of the home module, fr-CA first; the parity test compares both sides. */
export const fr = {
  home: {
    title: 'La place publique de l’entraide de quartier',
    hero: {
      title: 'La place publique de l’entraide de quartier',
      lead: 'Espace Collectif réunit les caisses, leurs membres, les citoyennes et citoyens et les organismes du milieu pour faire avancer ensemble les projets de quartier, en échangeant expertise, temps, produits, services, argent, prêts et équipement.',
      signUp: 'Créer mon compte',
      seeTerritories: 'Voir les territoires',
      myPage: 'Ma page',
    },
    pilot: {
      title: 'Les quartiers ouverts',
      intro: 'Le déploiement commence par des quartiers pilotes de Montréal, chacun accompagné par ses caisses.',
      empty: 'Aucun quartier n’est encore ouvert.',
    },
    caisses: {
      title: 'Les caisses du projet',
      intro: 'La porte d’entrée de chaque projet, c’est une caisse : elle accueille, accompagne et parraine.',
      all: 'Toutes les caisses',
    },
    how: {
      title: 'Comment ça marche',
      step1Title: 'Rejoignez votre quartier',
      step1: 'Créez votre page, choisissez votre quartier et dites ce que vous savez faire.',
      step2Title: 'Publiez ou trouvez un projet',
      step2: 'Un projet dit ce qui lui manque : des heures de bénévolat, une expertise, un prêt, du matériel, un produit ou un service.',
      step3Title: 'Engagez-vous',
      step3: 'Offrez votre temps, votre savoir-faire ou votre soutien; la caisse accompagne et chaque coup de main compte.',
    },
    nextWaves: {
      title: 'Les prochaines vagues',
      intro: 'Votre quartier n’est pas encore ouvert? Inscrivez-vous à sa liste d’attente : nous vous écrirons dès son ouverture.',
      join: 'Rejoindre la liste d’attente',
      empty: 'Aucune prochaine vague n’est annoncée pour le moment.',
    },
    privacy: {
      title: 'Confidentialité et renseignements personnels',
      intro: 'Espace Collectif protège vos renseignements personnels selon la Loi sur la protection des renseignements personnels dans le secteur privé du Québec (Loi 25). Voici l’essentiel, en clair.',
      collect: {
        title: 'Ce que nous recueillons',
        account: 'Pour votre compte : votre courriel, votre mot de passe (conservé seulement sous une forme hachée, impossible à relire), votre nom affiché, votre quartier et votre langue.',
        profile: 'Ce que vous choisissez d’ajouter à votre page : présentation, compétences, intérêts, photo et liens.',
        activity: 'Vos contributions : projets, besoins, engagements, commentaires et messages.',
        security: 'Des données techniques nécessaires à la sécurité (session, adresse IP pour limiter les abus), conservées brièvement.',
      },
      why: {
        title: 'Pourquoi',
        body: 'Seulement pour faire fonctionner votre compte, relier les projets à l’aide offerte dans votre quartier, mesurer l’impact de façon anonyme et protéger la plateforme contre les abus. Nous ne vendons aucune donnée, ne faisons aucune publicité ciblée et aucun profilage sans votre accord.',
      },
      defaults: {
        title: 'Un profil public minimal par défaut',
        body: 'À la création, votre compte montre le moins possible : seul votre nom affiché est public, chaque champ de votre page (photo, présentation, compétences, intérêts, quartier, liens) est visible par vous seulement, votre courriel n’est jamais affiché, votre page n’est pas indexée par les moteurs de recherche et l’infolettre est désactivée. Vous choisissez ensuite la visibilité de chaque champ : tout le monde, personnes connectées ou vous seulement.',
      },
      consent: {
        title: 'Un consentement par finalité',
        body: 'Chaque usage demande son propre consentement, avec une case non cochée d’avance : conditions d’utilisation, infolettre, et tout usage futur. Nous gardons la date et la version du texte accepté, et vous pouvez retirer un consentement en tout temps.',
      },
      rights: {
        title: 'Vos droits',
        access: 'Consulter et corriger vos renseignements : depuis votre page, en tout temps.',
        download: 'Télécharger toutes vos données (JSON) : dans votre compte, sous « Mes données » (/moi/donnees).',
        delete: 'Supprimer votre compte : dans votre compte, sous « Mes données ». Vos renseignements sont alors effacés ou anonymisés; l’aide que vous avez apportée reste comptée, sans vous identifier.',
        meanwhile: 'D’ici là, ou pour toute autre demande, écrivez à la personne responsable ci-dessous : nous répondons dans un délai de 30 jours.',
      },
      officer: {
        title: 'Personne responsable de la protection des renseignements personnels',
        body: 'Pour toute question, demande d’accès ou plainte :',
        incidents: 'Tout incident de confidentialité est consigné dans un registre et signalé à la Commission d’accès à l’information et aux personnes concernées lorsqu’il présente un risque de préjudice sérieux.',
      },
    },
  },
};

export const en: typeof fr = {
  home: {
    title: 'The public square of neighbourhood mutual aid',
    hero: {
      title: 'The public square of neighbourhood mutual aid',
      lead: 'Espace Collectif brings together caisses, their members, citizens and local organisations to move neighbourhood projects forward together, by exchanging expertise, time, products, services, money, loans and equipment.',
      signUp: 'Create my account',
      seeTerritories: 'See the territories',
      myPage: 'My page',
    },
    pilot: {
      title: 'Open neighbourhoods',
      intro: 'The rollout starts with pilot neighbourhoods in Montréal, each supported by its caisses.',
      empty: 'No neighbourhood is open yet.',
    },
    caisses: {
      title: 'The caisses of the project',
      intro: 'Every project comes in through a caisse: it welcomes, supports and sponsors.',
      all: 'All caisses',
    },
    how: {
      title: 'How it works',
      step1Title: 'Join your neighbourhood',
      step1: 'Create your page, choose your neighbourhood and say what you are good at.',
      step2Title: 'Publish or find a project',
      step2: 'A project says what it lacks: volunteer hours, expertise, a loan, equipment, a product or a service.',
      step3Title: 'Pitch in',
      step3: 'Offer your time, your know-how or your support; the caisse supports the project and every helping hand counts.',
    },
    nextWaves: {
      title: 'Next waves',
      intro: 'Your neighbourhood is not open yet? Join its waitlist: we will write to you as soon as it opens.',
      join: 'Join the waitlist',
      empty: 'No next wave has been announced yet.',
    },
    privacy: {
      title: 'Privacy and personal information',
      intro: 'Espace Collectif protects your personal information under Québec’s Act respecting the protection of personal information in the private sector (Law 25). Here is the gist, in plain words.',
      collect: {
        title: 'What we collect',
        account: 'For your account: your e-mail, your password (stored only as a hash that cannot be read back), your display name, your neighbourhood and your language.',
        profile: 'What you choose to add to your page: bio, skills, interests, photo and links.',
        activity: 'Your contributions: projects, needs, pledges, comments and messages.',
        security: 'Technical data needed for security (session, IP address to limit abuse), kept briefly.',
      },
      why: {
        title: 'Why',
        body: 'Only to run your account, connect projects with the help offered in your neighbourhood, measure impact anonymously and protect the platform from abuse. We sell no data, run no targeted advertising and do no profiling without your consent.',
      },
      defaults: {
        title: 'A minimal public profile by default',
        body: 'When created, your account shows as little as possible: only your display name is public, every field of your page (photo, bio, skills, interests, neighbourhood, links) is visible to you only, your e-mail is never displayed, your page is not indexed by search engines and the newsletter is off. You then choose who sees each field: everyone, signed-in people or only you.',
      },
      consent: {
        title: 'One consent per purpose',
        body: 'Each use asks for its own consent, with a box that is never pre-ticked: terms of use, newsletter, and any future use. We keep the date and the version of the text you accepted, and you can withdraw a consent at any time.',
      },
      rights: {
        title: 'Your rights',
        access: 'See and correct your information: from your page, at any time.',
        download: 'Download all your data (JSON): in your account, under “My data” (/moi/donnees).',
        delete: 'Delete your account: in your account, under “My data”. Your information is then erased or anonymised; the help you gave still counts, without identifying you.',
        meanwhile: 'Until then, or for any other request, write to the person in charge below: we answer within 30 days.',
      },
      officer: {
        title: 'Person in charge of the protection of personal information',
        body: 'For any question, access request or complaint:',
        incidents: 'Every confidentiality incident is recorded in a register and reported to the Commission d’accès à l’information and to the people concerned when it presents a risk of serious injury.',
      },
    },
  },
};
