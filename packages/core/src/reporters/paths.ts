import type { Diagnostic } from '../diagnostic.js';
import { isInside, normalizePath } from '../source-reader.js';
import type { FileReport, ReportOptions } from './types.js';

/**
 * Where a finding of `report` is, for reporters that need one path per file: relative to
 * `options.base` (POSIX separators) when the file's absolute path lies inside it, else the name the
 * report carries. `absolute` is the absolute path when known.
 */
export function locate(
  report: FileReport,
  d: Pick<Diagnostic, 'file'> | undefined,
  options: ReportOptions,
): { relative: string | undefined; shown: string; absolute: string | undefined } {
  const shown = (d?.file ?? report.file).replaceAll('\\', '/');
  const own = d?.file === undefined || d.file === report.file;
  const absolute =
    own && report.path !== undefined
      ? normalizePath(report.path.replaceAll('\\', '/'))
      : shown.startsWith('/')
        ? normalizePath(shown)
        : undefined;
  const base = options.base !== undefined ? normalizePath(options.base.replaceAll('\\', '/')) : undefined;
  if (absolute !== undefined && base !== undefined && isInside(base, absolute) && absolute !== base) {
    return { relative: absolute.slice(base === '/' ? 1 : base.length + 1), shown, absolute };
  }
  if (absolute === undefined && !shown.startsWith('/')) {
    return { relative: normalizePath(shown), shown, absolute };
  }
  return { relative: undefined, shown, absolute };
}

/**
 * A 64-bit FNV-1a hash of `text` as 16 hex digits. For stable identities (SARIF
 * `partialFingerprints`), not for security; written here so that the reporters stay free of
 * Node built-ins.
 */
export function fingerprint(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

// XML 1.0 allows tab, newline, carriage return and code points from U+0020 on, minus the
// surrogates and U+FFFE/U+FFFF; anything else (a stray control byte in a message) is replaced.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` escaped for an XML attribute or element, characters XML cannot hold replaced by U+FFFD. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
