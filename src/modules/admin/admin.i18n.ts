/** Strings of the admin module, fr-CA first; the parity test compares both sides. */
export const fr = {};

export const en: typeof fr = {};
