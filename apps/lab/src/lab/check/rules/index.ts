import type { Rule } from '@ftkit/core';
import type { LabFacts } from '../facts.js';
import { backupRepoOnReplicatedStorage } from './backup-repo-on-replicated-storage.js';
import { borgKeyUnrestricted } from './borg-key-unrestricted.js';
import { borgRepositoryDrift } from './borg-repository-drift.js';
import { borgRestrictPathMismatch } from './borg-restrict-path-mismatch.js';
import { borgRetentionMissing } from './borg-retention-missing.js';
import { borgServerKeyMissing } from './borg-server-key-missing.js';
import { borgVerifyMissing } from './borg-verify-missing.js';
import { clusterConfDrift } from './cluster-conf-drift.js';
import { clusterFsFencing } from './cluster-fs-fencing.js';
import { clusterFsProtocol } from './cluster-fs-protocol.js';
import { clusterFsWithoutDualPrimary } from './cluster-fs-without-dual-primary.js';
import { drbdBackingDiskMounted } from './drbd-backing-disk-mounted.js';
import { drbdResourceDrift } from './drbd-resource-drift.js';
import { dualPrimaryLocalFs } from './dual-primary-local-fs.js';
import { fstabDeviceUnknown } from './fstab-device-unknown.js';
import { fstabFsDrift } from './fstab-fs-drift.js';
import { fstabHeartbeatMismatch } from './fstab-heartbeat-mismatch.js';
import { hostnameNotInCluster } from './hostname-not-in-cluster.js';
import { hostnameNotInDrbd } from './hostname-not-in-drbd.js';
import { localFsSharedMount } from './local-fs-shared-mount.js';
import { nodeAddressMismatch } from './node-address-mismatch.js';
import { nodeNameMismatch } from './node-name-mismatch.js';
import { o2cbBootclusterUnknown } from './o2cb-bootcluster-unknown.js';
import { o2cbDisabledWithOcfs2 } from './o2cb-disabled-with-ocfs2.js';
import { o2cbTimeoutDrift } from './o2cb-timeout-drift.js';
import { ocfs2SlotsTooFew } from './ocfs2-slots-too-few.js';
import { portCollision } from './port-collision.js';
import { systemdTimerWithoutService } from './systemd-timer-without-service.js';

/** Every cross-file rule, id to rule. */
export const labRules: Readonly<Record<string, Rule<LabFacts>>> = Object.freeze(
  Object.fromEntries(
    [
      backupRepoOnReplicatedStorage,
      borgKeyUnrestricted,
      borgRepositoryDrift,
      borgRestrictPathMismatch,
      borgRetentionMissing,
      borgServerKeyMissing,
      borgVerifyMissing,
      clusterConfDrift,
      clusterFsFencing,
      clusterFsProtocol,
      clusterFsWithoutDualPrimary,
      drbdBackingDiskMounted,
      drbdResourceDrift,
      dualPrimaryLocalFs,
      fstabDeviceUnknown,
      fstabFsDrift,
      fstabHeartbeatMismatch,
      hostnameNotInCluster,
      hostnameNotInDrbd,
      localFsSharedMount,
      nodeAddressMismatch,
      nodeNameMismatch,
      o2cbBootclusterUnknown,
      o2cbDisabledWithOcfs2,
      o2cbTimeoutDrift,
      ocfs2SlotsTooFew,
      portCollision,
      systemdTimerWithoutService,
    ].map((r) => [r.meta.id, r]),
  ),
);
