export { BuildError, drbd } from './builders.js';
export * from './lite.js';
export * from './schema.js';
