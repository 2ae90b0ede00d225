import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

export default defineConfig(tsupConfig(['src/index.ts', 'src/schema.ts']));
