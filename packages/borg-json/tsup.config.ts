import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// `.` and `./schema` share modules (the schemas `parse` validates with), so split shared chunks.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/schema.ts']), splitting: true });
