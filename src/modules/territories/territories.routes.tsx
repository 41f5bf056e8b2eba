import type { Module } from '../index.js';

export const territoriesRoutes: Module = async () => {};
