import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// The zod-free `lite` entry is a subset of the main one: code splitting shares their modules
// instead of copying them into both files.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/lite.ts']), splitting: true });
