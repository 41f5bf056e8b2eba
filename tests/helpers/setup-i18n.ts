// Every test file gets the merged i18n catalogues, as the app's entry points do.
import '../../src/catalogues.js';
