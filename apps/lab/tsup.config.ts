import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// cli.ts starts with a hashbang, so tsup marks dist/cli.js executable.
export default defineConfig(tsupConfig(['src/index.ts', 'src/cli.ts']));
