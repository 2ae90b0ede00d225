import { packageProject } from '../../vitest.shared.ts';

export default packageProject('ocfs2-cluster-conf');
