/** An operating system a lab runs on. */
export type Platform = 'ubuntu-20.04' | 'ubuntu-22.04' | 'ubuntu-24.04' | 'debian-12';

/** Where the DRBD kernel module comes from. */
export type DrbdPackages = 'distribution' | 'linbit';

/** The versions a platform's archive ships (what `apt-get install` gives on a fresh install). */
export interface PlatformFacts {
  /** Shown in RUNBOOK.md, e.g. `Ubuntu 20.04 (focal)`. */
  readonly title: string;
  /** The in-tree DRBD kernel module of the distribution kernel (`modinfo drbd`). */
  readonly drbdModule: string;
  /** `drbd-utils` in the archive. */
  readonly drbdUtils: string;
  /** `borgbackup` in the archive (major.minor.patch). */
  readonly borg: string;
  /** `ocfs2-tools` in the archive. */
  readonly ocfs2Tools: string;
  /** How LINBIT's DRBD 9 packages are added on this platform (commands, as root). */
  readonly linbitRepository: readonly string[];
}

const ppa = [
  'apt-get install -y software-properties-common',
  'add-apt-repository -y ppa:linbit/linbit-drbd9-stack',
];

/**
 * The package versions of each platform's archive (packages.ubuntu.com and packages.debian.org,
 * main and universe, release pockets plus updates). Every stock kernel of these releases ships the
 * DRBD 8.4.11 module; drbd-utils 9 is a userland for both 8.4 and 9 modules.
 */
export const platformFacts: Readonly<Record<Platform, PlatformFacts>> = {
  'ubuntu-20.04': {
    title: 'Ubuntu 20.04 (focal)',
    drbdModule: '8.4.11',
    drbdUtils: '9.11.0',
    borg: '1.1.15',
    ocfs2Tools: '1.8.6',
    linbitRepository: ppa,
  },
  'ubuntu-22.04': {
    title: 'Ubuntu 22.04 (jammy)',
    drbdModule: '8.4.11',
    drbdUtils: '9.15.0',
    borg: '1.2.0',
    ocfs2Tools: '1.8.7',
    linbitRepository: ppa,
  },
  'ubuntu-24.04': {
    title: 'Ubuntu 24.04 (noble)',
    drbdModule: '8.4.11',
    drbdUtils: '9.22.0',
    borg: '1.2.8',
    ocfs2Tools: '1.8.8',
    linbitRepository: ppa,
  },
  'debian-12': {
    title: 'Debian 12 (bookworm)',
    drbdModule: '8.4.11',
    drbdUtils: '9.22.0',
    borg: '1.2.4',
    ocfs2Tools: '1.8.7',
    // LINBIT publishes no PPA for Debian; its repository needs a LINBIT account
    // (https://linbit.com/drbd-user-guide/drbd-guide-9_0-en/#s-linbit-packages).
    linbitRepository: [
      '# Add LINBIT\'s repository for bookworm first (LINBIT customer portal, "linbit-manage-node.py")',
    ],
  },
};

/** The DRBD packages and syntax a spec resolves to (the defaults follow each other). */
export function resolveDrbd(spec: {
  readonly drbdPackages?: DrbdPackages | undefined;
  readonly drbdVersion?: '9' | '8.4' | undefined;
}): { packages: DrbdPackages; version: '9' | '8.4' } {
  const packages = spec.drbdPackages ?? (spec.drbdVersion === '9' ? 'linbit' : 'distribution');
  return { packages, version: spec.drbdVersion ?? (packages === 'linbit' ? '9' : '8.4') };
}

/** `major.minor` of the platform's borg, e.g. `1.1`. */
export function borgSeries(platform: Platform): '1.1' | '1.2' {
  return platformFacts[platform].borg.startsWith('1.1.') ? '1.1' : '1.2';
}
