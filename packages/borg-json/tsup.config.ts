import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// Three entries share modules (BorgTimestamp is checked with instanceof), so split shared chunks.
export default defineConfig({
  ...tsupConfig(['src/index.ts', 'src/items.ts', 'src/lite.ts']),
  splitting: true,
});
