export * from './lite.js';
export * from './schema.js';
