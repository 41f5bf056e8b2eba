export const fr = {
  account: {
    title: 'Mes données',
    intro: 'Vos droits sur vos renseignements personnels (Loi 25) : obtenir une copie de tout ce que la plateforme garde à votre sujet, et supprimer votre compte.',
    export: {
      title: 'Télécharger mes données',
      body: 'Un fichier avec votre profil, vos consentements, vos projets, engagements, offres, messages envoyés, abonnements, réactions, commentaires, tableaux, notifications et signalements : en JSON pour un autre service, ou en CSV pour un tableur.',
      button: 'Télécharger mes données (JSON)',
      buttonCsv: 'Télécharger mes données (CSV)',
    },
    delete: {
      title: 'Supprimer mon compte',
      body: 'Votre profil, vos abonnements, réactions, tableaux, offres et notifications sont effacés. Vos commentaires deviennent « supprimés ». Vos engagements en attente sont retirés. L’aide déjà apportée reste comptée dans l’impact du quartier, sans vous nommer. Cette action est définitive.',
      password: 'Mot de passe actuel',
      confirm: 'Je comprends que la suppression est définitive.',
      button: 'Supprimer définitivement mon compte',
      confirmDialog: 'Supprimer définitivement votre compte? Cette action ne peut pas être annulée.',
      wrongPassword: 'Ce mot de passe ne correspond pas à votre compte.',
      done: 'Votre compte a été supprimé. Merci d’avoir participé à Espace Collectif.',
    },
    deletedName: 'Compte supprimé',
    mail: {
      subject: 'Votre compte Espace Collectif a été supprimé',
      body: 'Comme vous l’avez demandé, votre compte et vos renseignements personnels ont été supprimés.',
      kept: 'L’aide que vous avez apportée reste comptée dans l’impact des projets, sans vous identifier.',
      footer: 'Vous n’êtes pas à l’origine de cette demande? Répondez à ce courriel.',
    },
  },
};

export const en: typeof fr = {
  account: {
    title: 'My data',
    intro: 'Your rights over your personal information (Québec’s Law 25): get a copy of everything the platform keeps about you, and delete your account.',
    export: {
      title: 'Download my data',
      body: 'A file with your profile, consents, projects, pledges, offers, sent messages, follows, reactions, comments, boards, notifications and reports: JSON for another service, or CSV for a spreadsheet.',
      button: 'Download my data (JSON)',
      buttonCsv: 'Download my data (CSV)',
    },
    delete: {
      title: 'Delete my account',
      body: 'Your profile, follows, reactions, boards, offers and notifications are erased. Your comments become “deleted”. Your pending pledges are withdrawn. Help you already gave still counts in the neighbourhood’s impact, without naming you. This cannot be undone.',
      password: 'Current password',
      confirm: 'I understand that deletion is permanent.',
      button: 'Permanently delete my account',
      confirmDialog: 'Permanently delete your account? This cannot be undone.',
      wrongPassword: 'This password does not match your account.',
      done: 'Your account has been deleted. Thank you for taking part in Espace Collectif.',
    },
    deletedName: 'Deleted account',
    mail: {
      subject: 'Your Espace Collectif account was deleted',
      body: 'As you asked, your account and your personal information have been deleted.',
      kept: 'The help you gave still counts in the projects’ impact, without identifying you.',
      footer: 'Didn’t ask for this? Reply to this e-mail.',
    },
  },
};
