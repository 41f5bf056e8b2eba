/** Strings of "I want to help" on a project page (the team's list, the thanks that leads to the needs); fr-CA first. */
export const fr = {
  projectHelpers: {
    title: 'Personnes qui veulent aider',
    intro: 'Ces personnes ont appuyé sur « Je veux aider ». Écrivez-leur pour leur proposer un besoin ou une tâche.',
    count_one: '{{count}} personne',
    count_other: '{{count}} personnes',
    since: 'depuis le {{date}}',
    write: 'Écrire',
    writeTo: 'Écrire à {{name}}',
    none: 'Personne pour le moment. Quand quelqu’un appuie sur « Je veux aider », vous en êtes avisé·e ici et dans vos notifications.',
    more_one: 'et {{count}} autre personne',
    more_other: 'et {{count}} autres personnes',
    thanks: 'Merci! L’équipe du projet sait maintenant que vous voulez aider.',
    needs: 'Choisissez ci-dessous un besoin ouvert, puis « Je peux aider » pour proposer votre aide.',
    noNeeds: 'Ce projet n’a pas de besoin ouvert pour le moment : l’équipe pourra vous écrire.',
  },
};

export const en: typeof fr = {
  projectHelpers: {
    title: 'People who want to help',
    intro: 'These people pressed “I want to help”. Write to them to suggest a need or a task.',
    count_one: '{{count}} person',
    count_other: '{{count}} people',
    since: 'since {{date}}',
    write: 'Write',
    writeTo: 'Write to {{name}}',
    none: 'Nobody yet. When someone presses “I want to help”, you are told here and in your notifications.',
    more_one: 'and {{count}} more person',
    more_other: 'and {{count}} more people',
    thanks: 'Thank you! The project team now knows you want to help.',
    needs: 'Choose an open need below, then “I can help” to offer your help.',
    noNeeds: 'This project has no open need right now: the team may write to you.',
  },
};
