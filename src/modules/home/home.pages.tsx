import type { Module } from '../index.js';

export const homePages: Module = async () => {};
