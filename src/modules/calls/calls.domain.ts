/** The calls domain's closed sets and value types; `calls.tables.ts` uses them and re-exports them. */

/** A call's life: draft → open → review → vote (only when the call has vote dates) → results → closed. */
export const CALL_PHASES = ['draft', 'open', 'review', 'vote', 'results', 'closed'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export const CALL_LANGUAGES = ['fr', 'en'] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];

/** What an application question asks for; `file` answers are private uploaded documents (call_application_files, ADR 0024). */
export const QUESTION_KINDS = ['short_text', 'long_text', 'number', 'choice', 'file'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** `selected` / `not_selected` are set at results (call-reviews module); the applicant moves draft ↔ submitted → withdrawn. */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'selected', 'not_selected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** One answer per question id: text, a number or a choice (one of the question's choices); file answers live in call_application_files. */
export type ApplicationAnswers = Record<string, string | number>;

/** Upper bounds the forms and the API share. */
export const CALL_LIMITS = { questions: 20, criteria: 12, choices: 12, shortText: 200, longText: 5000 } as const;

/** The documents a `file` question accepts (ADR 0024): checked by their first bytes, never by name or declared type. */
export const APPLICATION_FILE_TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type ApplicationFileExt = keyof typeof APPLICATION_FILE_TYPES;
export type ApplicationFileMime = (typeof APPLICATION_FILE_TYPES)[ApplicationFileExt];
export const APPLICATION_FILE_MIMES = Object.values(APPLICATION_FILE_TYPES) as [ApplicationFileMime, ...ApplicationFileMime[]];
