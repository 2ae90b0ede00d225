import picomatch from 'picomatch';
import { labFormats } from '../formats.js';

/** The names of the format descriptors whose files the lab writes and reads ({@link labFormats}). */
export type LabFormatName = 'drbd-conf' | 'ocfs2-cluster-conf' | 'o2cb-defaults' | 'fstab';

/**
 * The kinds of file a lab tree holds: a lab format (named by its descriptor) or one of the lab's
 * own kinds.
 */
export type LabFileKind = LabFormatName | 'hostname' | 'authorized-keys' | 'systemd-unit';

const formatMatchers = labFormats.map((f) => ({
  name: f.name as LabFormatName,
  is: picomatch(f.filePatterns as string[], { dot: true }),
}));

/**
 * Which kind a path (relative to a node's `/`, POSIX separators) is, if the lab reads it. The
 * formats' kinds come from their descriptors' file patterns, under `etc/` only: `/usr` and `/lib`
 * hold packaged files that share those names (drbd-utils' `tmpfiles.d/drbd.conf`).
 */
export function labFileKind(rel: string): LabFileKind | undefined {
  if (rel === 'etc/hostname') return 'hostname';
  if (/^(home\/[^/]+|root)\/\.ssh\/authorized_keys$/.test(rel)) return 'authorized-keys';
  if (/^(etc|usr\/lib|lib)\/systemd\/system\/[^/]+\.(service|timer)$/.test(rel)) return 'systemd-unit';
  if (!rel.startsWith('etc/')) return undefined;
  return formatMatchers.find((m) => m.is(`/${rel}`))?.name;
}
