/**
 * The boards use cases, one file each: reading (`boards.read.service.ts`), making and editing boards
 * (`boards.edit.service.ts`), their items (`boards.items.service.ts`) and saving from a project or
 * offer page (`boards.save.service.ts`); loading with access checks is `boards.access.ts`.
 */
export * from './boards.read.service.js';
export * from './boards.edit.service.js';
export * from './boards.items.service.js';
export * from './boards.save.service.js';
