/**
 * The layers of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * platform and db know no feature; features meet through services and repositories, never routes
 * or pages; pure files (views, policies, presenters, pages) never reach the database; no cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-feature',
      comment: 'src/platform is cross-cutting: it may not import a module, the seed, or the composition root.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|seed)/|^src/(catalogues|housekeeping|app|main|cli|jobs)\\.ts$' },
    },
    {
      name: 'db-knows-no-feature',
      comment: 'src/db opens the database and migrates; module tables are found by drizzle-kit through a glob.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(modules|seed|platform)/' },
    },
    {
      name: 'no-reaching-into-other-modules-http',
      comment: 'Modules talk through services and repositories, never through another module\'s routes or pages.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+\\.(routes|pages)\\.tsx?$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'pure-files-no-data-access',
      comment: 'Views, pages, forms, policies and presenters do not run SQL: they get data from services (row types may be imported).',
      severity: 'error',
      from: { path: '\\.(views|policy|presenter|pages|forms)\\.tsx?$' },
      to: { path: '(\\.repository\\.ts$|^src/db/|^node_modules/drizzle-orm)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test-from-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|coverage|data|\\.test-data)/|\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
