import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// Two entries: `.` (no zod) and `./schema`; code splitting shares their modules.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/schema.ts']), splitting: true });
