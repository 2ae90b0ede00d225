import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// Two entries (the zod-free `read` entry is a subset of the main one): code splitting shares
// their modules instead of copying them into both files.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/read.ts']), splitting: true });
