import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// Two entries: `.` (no zod) and `./schema` (zod schemas and the validating builders). Code
// splitting shares the modules both reach instead of copying them into each file.
export default defineConfig({
  ...tsupConfig(['src/index.ts', 'src/schema-entry.ts']),
  splitting: true,
});
