import { defineConfig } from 'vitest/config';

// Editor and ad-hoc entry point (`npx vitest`): every workspace package is a project.
// `npm test` runs the same projects per package through turbo.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
