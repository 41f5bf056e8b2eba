import type { Module } from '../index.js';

export const adminRoutes: Module = async () => {};
