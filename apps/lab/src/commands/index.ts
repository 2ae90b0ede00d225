import { registerBorg } from './borg.js';
import { registerDrbd } from './drbd.js';
import { registerExporter } from './exporter.js';
import { registerFmt } from './fmt.js';
import { registerLab } from './lab.js';
import { registerLint } from './lint.js';
import { registerOcfs2 } from './ocfs2.js';
import { registerRules } from './rules.js';
import { registerStatus } from './status.js';
import type { RegisterCommand } from './types.js';

/** Every top-level command, in `--help` order. Format issues add theirs here. */
export const commands: readonly RegisterCommand[] = [
  registerLint,
  registerRules,
  registerFmt,
  registerLab,
  registerStatus,
  registerExporter,
  registerOcfs2,
  registerDrbd,
  registerBorg,
];
