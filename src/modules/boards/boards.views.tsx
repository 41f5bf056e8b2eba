/**
 * The boards views, one file per use case: lists and cards (`boards.list.views.tsx`), a board's page
 * and its items (`boards.detail.views.tsx`), the create/edit form (`boards.form.views.tsx`) and
 * saving from a project or offer page (`boards.save.views.tsx`).
 */
export * from './boards.list.views.js';
export * from './boards.detail.views.js';
export * from './boards.form.views.js';
export * from './boards.save.views.js';
