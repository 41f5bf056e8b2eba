/** Strings of direct messages, fr-CA first; the parity test compares both sides. */
export const fr = {
  errors: {
    CONVERSATION_NOT_FOUND: 'Cette conversation est introuvable.',
    BLOCKED: 'Vous ne pouvez pas écrire à cette personne.',
  },
  messages: {
    list: {
      title: 'Messages',
      empty: 'Aucune conversation pour le moment.',
      emptyHelp: 'Écrivez à l’équipe d’un projet depuis un de ses besoins, ou à une personne depuis son offre.',
      browseOffers: 'Parcourir les offres',
      unread_one: '{{count}} non lu',
      unread_other: '{{count}} non lus',
      you: 'Vous : {{text}}',
      more: 'Conversations plus anciennes',
    },
    deletedAccount: 'Compte supprimé',
    thread: {
      me: 'Vous',
      with: 'Conversation avec {{name}}',
      between: 'Avec',
      older: 'Messages précédents',
      label: 'Messages de la conversation',
      sent: 'Message envoyé.',
    },
    context: { need: 'Voir le besoin', pledge: 'Voir l’engagement', project: 'Voir le projet' },
    fields: { reply: 'Votre réponse', to: 'Destinataire', subject: 'Sujet', body: 'Message' },
    send: 'Envoyer',
    new: {
      title: 'Nouveau message',
      titleTo: 'Écrire à {{name}}',
      toHint: 'L’identifiant de sa page, par exemple samir-haddad.',
      about: 'À propos de : {{title}}',
    },
    block: {
      block: 'Bloquer {{name}}',
      unblock: 'Débloquer {{name}}',
      confirm: 'Bloquer {{name}}? Cette personne ne pourra plus vous écrire. La conversation restera lisible.',
      unblockConfirm: 'Débloquer {{name}}? Vous pourrez de nouveau vous écrire.',
      blockedMe: 'Vous ne pouvez plus répondre dans cette conversation.',
      iBlocked: 'Vous avez bloqué {{name}} : débloquez cette personne pour lui écrire de nouveau.',
    },
    validation: {
      unknownHandle: 'Aucune personne ne porte cet identifiant.',
      self: 'Vous ne pouvez pas vous écrire à vous-même.',
    },
  },
};

export const en: typeof fr = {
  errors: {
    CONVERSATION_NOT_FOUND: 'This conversation cannot be found.',
    BLOCKED: 'You cannot write to this person.',
  },
  messages: {
    list: {
      title: 'Messages',
      empty: 'No conversations yet.',
      emptyHelp: 'Write to a project’s team from one of its needs, or to a person from their offer.',
      browseOffers: 'Browse offers',
      unread_one: '{{count}} unread',
      unread_other: '{{count}} unread',
      you: 'You: {{text}}',
      more: 'Older conversations',
    },
    deletedAccount: 'Deleted account',
    thread: {
      me: 'You',
      with: 'Conversation with {{name}}',
      between: 'With',
      older: 'Earlier messages',
      label: 'Messages of the conversation',
      sent: 'Message sent.',
    },
    context: { need: 'See the need', pledge: 'See the pledge', project: 'See the project' },
    fields: { reply: 'Your reply', to: 'To', subject: 'Subject', body: 'Message' },
    send: 'Send',
    new: {
      title: 'New message',
      titleTo: 'Write to {{name}}',
      toHint: 'The handle of their page, for example samir-haddad.',
      about: 'About: {{title}}',
    },
    block: {
      block: 'Block {{name}}',
      unblock: 'Unblock {{name}}',
      confirm: 'Block {{name}}? They will no longer be able to write to you. The conversation stays readable.',
      unblockConfirm: 'Unblock {{name}}? You will be able to write to each other again.',
      blockedMe: 'You can no longer reply in this conversation.',
      iBlocked: 'You blocked {{name}}: unblock them to write to them again.',
    },
    validation: {
      unknownHandle: 'Nobody has this handle.',
      self: 'You cannot write to yourself.',
    },
  },
};
