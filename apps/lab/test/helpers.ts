import type { CliIo } from '../src/index.js';

/** An in-memory CliIo capturing stdout and stderr. */
export function memoryIo(cwd: string, stdin = '', env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => stdin,
    cwd,
    env: { NO_COLOR: '1', ...env },
    isTTY: false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
