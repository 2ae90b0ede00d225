import type { CommandContext } from '../commands/types.js';

/** One line of `ftkit rules --format json`. Fields are only added, never renamed. */
export interface RuleListing {
  readonly format: string;
  readonly id: string;
  readonly description: string;
  /** `off` for rules that only run when a config turns them on. */
  readonly defaultSeverity: 'error' | 'warning' | 'info' | 'off';
  readonly fixable: boolean;
  /** The rule's page under docs/rules/. */
  readonly docs: string;
}

/** `ftkit rules`: lists every rule of every format, sorted by format then id. */
export async function rules(
  { io, loadFormats }: CommandContext,
  opts: { format: 'text' | 'json' },
): Promise<void> {
  const formats = await loadFormats();
  const list: RuleListing[] = formats.flatMap((f) =>
    Object.values(f.rules)
      .map((r) => ({
        format: f.name,
        id: r.meta.id,
        description: r.meta.description,
        defaultSeverity: r.meta.defaultSeverity,
        fixable: r.meta.fixable,
        docs: r.meta.url,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  const w = (k: keyof RuleListing) => Math.max(...list.map((r) => String(r[k]).length));
  const [fw, iw, sw] = [w('format'), w('id'), w('defaultSeverity')];
  const lines = list.map(
    (r) =>
      `${r.format.padEnd(fw)}  ${r.id.padEnd(iw)}  ${r.defaultSeverity.padEnd(sw)}  ${r.fixable ? 'fixable' : '       '}  ${r.docs}`,
  );
  io.stdout(`${lines.join('\n')}\n`);
}
