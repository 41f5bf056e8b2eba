/** Strings of the pledges module, fr-CA first; the parity test compares both sides. */
export { fr } from './pledges.i18n.fr.js';
export { en } from './pledges.i18n.en.js';
