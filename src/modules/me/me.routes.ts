import type { Module } from '../index.js';

export const meApiRoutes: Module = async () => {};
