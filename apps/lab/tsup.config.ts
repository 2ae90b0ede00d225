import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

// cli.ts starts with a hashbang, so tsup marks dist/cli.js executable. Code splitting turns each
// command's lazily imported action (src/actions/*) into its own chunk, so `ftkit --version` and
// one command load only what they use; the library entry shares the chunks.
export default defineConfig({ ...tsupConfig(['src/index.ts', 'src/cli.ts']), splitting: true });
