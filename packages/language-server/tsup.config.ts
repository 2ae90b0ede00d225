import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// The library entry and the stdio entry the bin runs share their modules.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/cli.ts']), splitting: true });
