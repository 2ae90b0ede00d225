import { P, type Parser, runParser, type Spanned, spanned, tokenText } from '@ftkit/core/parsimmon';

// A `--pattern` line as borg reads it (borg/patterns.py: `parse_inclexcl_command`,
// `parse_pattern`): a command character, optional white space (Python's `lstrip`), then a root
// path, a pattern style, or a pattern with an optional two-letter style prefix (`sh:`, `re:` …).

/** The pattern styles borg 1.2 and borg2 know. */
export const PATTERN_STYLES = ['fm', 'pf', 'pp', 're', 'sh'] as const;

/** What a pattern line does. */
export type PatternCommand = 'root' | 'style' | 'include' | 'exclude' | 'exclude-no-recurse';

/** A pattern line read into its parts, each with its offsets. */
export interface PatternLine {
  readonly command: Spanned<PatternCommand>;
  /** The text after the command and its white space (may be empty, which borg refuses). */
  readonly value: Spanned<string>;
  /** The two-letter style prefix of an include or exclude pattern (`re` in `- re:^/tmp`). */
  readonly style?: Spanned<string>;
}

const COMMANDS: Record<string, PatternCommand> = {
  R: 'root',
  r: 'root',
  P: 'style',
  p: 'style',
  '+': 'include',
  '-': 'exclude',
  '!': 'exclude-no-recurse',
};

// Python's str.isspace() characters (what `lstrip()` removes).
const SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** A pattern line; fails only on an empty line or an unknown command character. */
export const patternLineGrammar: Parser<PatternLine> = P.seqMap(
  spanned(tokenText(/[-!+RrPp]/, 'a command').map((c) => COMMANDS[c]!)),
  tokenText(SPACE, 'white space'),
  spanned(tokenText(/[\s\S]*/, 'a value')),
  (command, _space, value) => {
    if (command.value !== 'include' && command.value !== 'exclude' && command.value !== 'exclude-no-recurse')
      return { command, value };
    // parse_pattern: `XX:` where both X are letters or digits names a style.
    const prefix = value.value.slice(0, 2);
    if (value.value.length > 2 && value.value[2] === ':' && /^[\p{L}\p{N}]{2}$/u.test(prefix))
      return { command, value, style: { value: prefix, start: value.start, end: value.start + 2 } };
    return { command, value };
  },
);

const styles = () =>
  `${PATTERN_STYLES.slice(0, -1)
    .map((s) => `\`${s}\``)
    .join(', ')} or \`${PATTERN_STYLES.at(-1)}\``;

/** Why borg would refuse the pattern line, or `undefined` when it reads it. */
export function patternProblem(line: string): string | undefined {
  if (line.length === 0) return 'empty';
  const r = runParser(patternLineGrammar, line);
  if (!r.ok) return 'expected it to start with `-`, `!`, `+`, `R`, `r`, `P` or `p`';
  const { command, value, style } = r.value;
  const commandText = line.slice(command.start, command.end);
  if (value.value.length === 0) return `expected a value after \`${commandText}\``;
  if (command.value === 'style' && !(PATTERN_STYLES as readonly string[]).includes(value.value))
    return `unknown pattern style \`${value.value}\`: expected ${styles()}`;
  if (style && !(PATTERN_STYLES as readonly string[]).includes(style.value))
    return `unknown pattern style \`${style.value}\`: expected ${styles()}`;
  return undefined;
}

/** Whether the pattern line is a root path (`R /home`, `r /home`, `R/home`) borg accepts. */
export function isRootPattern(line: string): boolean {
  const r = runParser(patternLineGrammar, line);
  return r.ok && r.value.command.value === 'root' && r.value.value.value.length > 0;
}
