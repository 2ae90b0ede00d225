/**
 * A borg version as this package distinguishes them: 1.2.x, 1.4.x and the 2.0 betas
 * (`beta` is the beta number, e.g. 5 for 2.0.0b5; `undefined` for a final release).
 */
export interface BorgVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly beta?: number;
  /** The text it was parsed from, normalised (e.g. `2.0.0b5`). */
  readonly text: string;
}

/**
 * Parses `1.2`, `1.2.4`, `1.4`, `1.4.5`, `2.0`, `2.0.0b5`, `2.0.0b22`, or `borg 1.2.4` (the
 * output of `borg --version`). `2.0` alone means 2.0.0b5, the beta Debian ships and the one our
 * captures come from; `1.2` means 1.2.4 and `1.4` means 1.4.0 for the same reason. `undefined`
 * when the text is no version.
 */
export function parseBorgVersion(text: string): BorgVersion | undefined {
  const m = /^(?:borg2?\s+)?(\d+)\.(\d+)(?:\.(\d+))?(?:\.?(?:b|beta)(\d+))?\b/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 1 && minor !== 2 && minor !== 4) return undefined;
  if (major !== 1 && !(major === 2 && minor === 0)) return undefined;
  let patch = m[3] !== undefined ? Number(m[3]) : major === 1 ? (minor === 2 ? 4 : 0) : 0;
  let beta = m[4] !== undefined ? Number(m[4]) : undefined;
  if (major === 2 && m[3] === undefined && beta === undefined) beta = 5;
  if (major === 2 && beta === undefined && m[3] !== undefined) beta = undefined;
  if (major === 1) beta = undefined;
  patch = Math.max(0, patch);
  const text2 = `${major}.${minor}.${patch}${beta !== undefined ? `b${beta}` : ''}`;
  return beta !== undefined
    ? { major, minor, patch, beta, text: text2 }
    : { major, minor, patch, text: text2 };
}

/** `a` is at least `b` (a 2.0 final release is newer than every beta). */
export function versionAtLeast(
  v: BorgVersion,
  major: number,
  minor: number,
  patch = 0,
  beta?: number,
): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  if (v.patch !== patch) return v.patch > patch;
  if (beta === undefined) return v.beta === undefined;
  return v.beta === undefined || v.beta >= beta;
}

/** Whether `v` is a 2.0 beta/release at least beta `b` (for 1.x: false). */
export function isV2From(v: BorgVersion, b: number): boolean {
  return v.major === 2 && (v.beta === undefined || v.beta >= b);
}
