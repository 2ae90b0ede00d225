import type { PrunePlan } from './plan.js';

/** Colours per rule (pruned archives are grey). */
export const RULE_COLORS: Readonly<Record<string, string>> = {
  within: '#8e44ad',
  keep: '#8e44ad',
  skip: '#7f8c8d',
  secondly: '#c0392b',
  minutely: '#d35400',
  hourly: '#e67e22',
  daily: '#f1c40f',
  weekly: '#27ae60',
  monthly: '#16a085',
  quarterly_13weekly: '#2980b9',
  quarterly_3monthly: '#3498db',
  yearly: '#2c3e50',
  checkpoint: '#95a5a6',
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Options for {@link renderPruneSvg}. */
export interface PruneSvgOptions {
  /** Width in px (default 1000). */
  readonly width?: number;
  readonly title?: string;
}

/**
 * Draws a plan on a time axis: one row per rule, each archive a mark at its time, coloured by
 * the rule that keeps it (`[oldest]` keeps drawn hollow); pruned archives on the bottom row in
 * grey. Every mark has a `<title>` with the name, time and decision. Self-contained SVG text.
 */
export function renderPruneSvg(plan: PrunePlan, options: PruneSvgOptions = {}): string {
  const width = options.width ?? 1000;
  const rows = [
    ...new Set(
      plan.decisions.filter((d) => d.keep).map((d) => (d.rule === undefined ? 'checkpoint' : d.rule)),
    ),
  ];
  const order = Object.keys(RULE_COLORS);
  rows.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  rows.push('pruned');
  const left = 150;
  const right = 20;
  const top = 40;
  const rowH = 28;
  const height = top + rows.length * rowH + 40;
  const times = plan.decisions.map((d) => d.epochMs);
  // A loop, not Math.min(...times): spreading 10^5 archives overflows the call stack.
  let min = times.length ? Number.POSITIVE_INFINITY : 0;
  let max = times.length ? Number.NEGATIVE_INFINITY : 1;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const span = Math.max(1, max - min);
  const x = (ms: number) => left + ((ms - min) / span) * (width - left - right);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(
    `<title>${esc(options.title ?? `borg ${plan.borgVersion} prune plan (${plan.timeZone})`)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="20" font-size="14">${esc(options.title ?? `borg ${plan.borgVersion} prune plan, ${plan.decisions.filter((d) => d.keep).length} kept, ${plan.decisions.filter((d) => !d.keep).length} pruned (${plan.timeZone})`)}</text>`,
  );
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    out.push(
      `<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(r)}</text>`,
      `<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#eee"/>`,
    );
  });
  for (const d of plan.decisions) {
    const row = d.keep ? (d.rule === undefined ? 'checkpoint' : d.rule) : 'pruned';
    const y = top + rows.indexOf(row) * rowH + rowH / 2;
    const color = d.keep ? (RULE_COLORS[row] ?? '#000') : '#bbb';
    const label = d.keep
      ? d.rule === undefined
        ? 'checkpoint kept'
        : `kept: ${d.rule}${d.oldest ? '[oldest]' : ''} #${d.number}`
      : 'pruned';
    const fill = d.oldest ? 'none' : color;
    out.push(
      `<circle cx="${x(d.epochMs).toFixed(1)}" cy="${y}" r="${d.keep ? 5 : 3}" fill="${fill}" stroke="${color}"><title>${esc(`${d.name} ${new Date(d.epochMs).toISOString()} ${label}`)}</title></circle>`,
    );
  }
  const axisY = top + rows.length * rowH + 10;
  out.push(`<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" stroke="#333"/>`);
  for (let i = 0; i <= 4; i++) {
    const t = min + (span * i) / 4;
    out.push(
      `<text x="${x(t).toFixed(1)}" y="${axisY + 16}" text-anchor="middle">${new Date(t).toISOString().slice(0, 10)}</text>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
