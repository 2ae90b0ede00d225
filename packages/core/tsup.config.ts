import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

export default defineConfig(tsupConfig(['src/index.ts', 'src/node/index.ts', 'src/parsimmon/index.ts']));
