export { BuildError, type BuildIssue, type BuildOptions, drbd } from './builders.js';
export * from './lite.js';
export * from './schema.js';
