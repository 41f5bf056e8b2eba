/**
 * Strings of the notification centre, fr-CA first; the parity test compares both sides.
 * `kind.<family>.<event>` renders a notification of kind `<family>.<event>` (pledge kinds keep their
 * text in `pledges.notification.*`). Parameters come from the row's `data`: `actorName`,
 * `subjectTitle`, `reason`, `count` (see notifications.presenter.ts).
 */
export const fr = {
  errors: {
    NOTIFICATION_NOT_FOUND: 'Cette notification est introuvable.',
    UNSUBSCRIBE_LINK_INVALID: 'Ce lien de désabonnement est invalide ou incomplet. Copiez le lien complet du courriel, ou gérez vos courriels depuis votre espace personnel.',
  },
  notifications: {
    title: 'Notifications',
    listLabel: 'Vos notifications',
    filter: { label: 'Afficher', all: 'Toutes', unread: 'Non lues' },
    markAllRead: 'Tout marquer comme lu',
    markedAllRead: 'Toutes vos notifications sont marquées comme lues.',
    unreadTag: 'Non lue',
    empty: 'Aucune notification pour le moment.',
    emptyHelp: 'Vous serez averti·e ici quand quelqu’un s’engage envers votre projet, vous écrit ou vous mentionne.',
    emptyUnread: 'Aucune notification non lue.',
    seeAll: 'Voir toutes les notifications',
    more: 'Notifications plus anciennes',
    someone: 'Quelqu’un',
    deletedAccount: 'Quelqu’un (compte supprimé)',
    bell: {
      label: 'Notifications',
      unread_one: '{{count}} notification non lue',
      unread_other: '{{count}} notifications non lues',
    },
    messagesUnread_one: '{{count}} conversation non lue',
    messagesUnread_other: '{{count}} conversations non lues',
    live: { announce: 'Nouvelle notification : {{text}}' },
    kind: {
      fallback: 'Vous avez une nouvelle notification.',
      message: {
        new_one: 'Nouveau message de {{actorName}}.',
        new_other: '{{count}} nouveaux messages de {{actorName}}.',
      },
      comment: {
        mention: '{{actorName}} vous a mentionné·e dans un commentaire sur « {{subjectTitle}} ».',
        new: '{{actorName}} a commenté « {{subjectTitle}} ».',
        reply: '{{actorName}} a répondu à votre commentaire sur « {{subjectTitle}} ».',
      },
      moderation: {
        hidden: 'Votre contenu « {{subjectTitle}} » a été masqué par la modération. Motif : {{reason}}',
        restored: 'Votre contenu « {{subjectTitle}} » est de nouveau visible.',
        suspended: 'Votre compte a été suspendu par la modération. Motif : {{reason}}',
      },
      project: { want_to_help: '{{actorName}} veut aider votre projet « {{subjectTitle}} ».' },
      delegate: {
        approved: 'Votre candidature de délégué·e auprès de {{caisseName}} est acceptée.',
        declined: 'Votre candidature de délégué·e auprès de {{caisseName}} n’a pas été retenue.',
      },
      call: {
        submitted: 'Votre candidature « {{projectTitle}} » à l’appel « {{subjectTitle}} » est envoyée.',
        new_submission: 'Nouvelle candidature à l’appel « {{subjectTitle}} » : « {{projectTitle}} ».',
        opened: 'Nouvel appel à projets dans votre quartier : « {{subjectTitle}} » ({{caisseName}}).',
      },
      call_results: {
        selected: '« {{projectTitle}} » est lauréat de l’appel « {{subjectTitle}} ».',
        not_selected: 'Les résultats de l’appel « {{subjectTitle}} » sont publiés : « {{projectTitle}} » n’a pas été retenu.',
      },
      contest: { won: 'Vous avez gagné au concours « {{subjectTitle}} » : réclamez votre prix.' },
      crowdfunding: {
        failed: 'La campagne de sociofinancement de « {{subjectTitle}} » n’a pas atteint son objectif ; les montants annoncés ne sont pas comptés.',
        succeeded: 'La campagne de sociofinancement de « {{subjectTitle}} » a atteint son objectif.',
      },
    },
  },
};

export const en: typeof fr = {
  errors: {
    NOTIFICATION_NOT_FOUND: 'This notification cannot be found.',
    UNSUBSCRIBE_LINK_INVALID: 'This unsubscribe link is invalid or incomplete. Copy the whole link from the e-mail, or manage your e-mails from your personal area.',
  },
  notifications: {
    title: 'Notifications',
    listLabel: 'Your notifications',
    filter: { label: 'Show', all: 'All', unread: 'Unread' },
    markAllRead: 'Mark all as read',
    markedAllRead: 'All your notifications are marked as read.',
    unreadTag: 'Unread',
    empty: 'No notifications yet.',
    emptyHelp: 'You will be told here when someone pledges to your project, writes to you or mentions you.',
    emptyUnread: 'No unread notifications.',
    seeAll: 'See all notifications',
    more: 'Older notifications',
    someone: 'Someone',
    deletedAccount: 'Someone (deleted account)',
    bell: {
      label: 'Notifications',
      unread_one: '{{count}} unread notification',
      unread_other: '{{count}} unread notifications',
    },
    messagesUnread_one: '{{count}} unread conversation',
    messagesUnread_other: '{{count}} unread conversations',
    live: { announce: 'New notification: {{text}}' },
    kind: {
      fallback: 'You have a new notification.',
      message: {
        new_one: 'New message from {{actorName}}.',
        new_other: '{{count}} new messages from {{actorName}}.',
      },
      comment: {
        mention: '{{actorName}} mentioned you in a comment on “{{subjectTitle}}”.',
        new: '{{actorName}} commented on “{{subjectTitle}}”.',
        reply: '{{actorName}} replied to your comment on “{{subjectTitle}}”.',
      },
      moderation: {
        hidden: 'Your content “{{subjectTitle}}” was hidden by moderation. Reason: {{reason}}',
        restored: 'Your content “{{subjectTitle}}” is visible again.',
        suspended: 'Your account was suspended by moderation. Reason: {{reason}}',
      },
      project: { want_to_help: '{{actorName}} wants to help your project “{{subjectTitle}}”.' },
      delegate: {
        approved: 'Your delegate application with {{caisseName}} is approved.',
        declined: 'Your delegate application with {{caisseName}} was not retained.',
      },
      call: {
        submitted: 'Your application “{{projectTitle}}” to the call “{{subjectTitle}}” is submitted.',
        new_submission: 'New application to the call “{{subjectTitle}}”: “{{projectTitle}}”.',
        opened: 'A call for projects is open in your neighbourhood: “{{subjectTitle}}” ({{caisseName}}).',
      },
      call_results: {
        selected: '“{{projectTitle}}” won the call “{{subjectTitle}}”.',
        not_selected: 'The results of the call “{{subjectTitle}}” are published: “{{projectTitle}}” was not selected.',
      },
      contest: { won: 'You won the contest “{{subjectTitle}}”: claim your prize.' },
      crowdfunding: {
        failed: 'The crowdfunding campaign of “{{subjectTitle}}” did not reach its goal; the announced amounts are not counted.',
        succeeded: 'The crowdfunding campaign of “{{subjectTitle}}” reached its goal.',
      },
    },
  },
};
