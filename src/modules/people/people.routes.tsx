import type { Module } from '../index.js';

export const peopleRoutes: Module = async () => {};
