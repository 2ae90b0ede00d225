import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// Three entries (the zod-free `read` and `lite` entries are subsets of the main one): code
// splitting shares their modules instead of copying them into each file.
export default defineConfig({
  ...tsupConfig(['src/index.ts', 'src/read.ts', 'src/lite.ts']),
  splitting: true,
});
