import type { Module } from '../index.js';

export const mediaRoutes: Module = async () => {};
