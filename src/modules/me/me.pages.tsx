import type { Module } from '../index.js';

export const mePages: Module = async () => {};
