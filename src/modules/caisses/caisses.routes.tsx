import type { Module } from '../index.js';

export const caissesRoutes: Module = async () => {};
