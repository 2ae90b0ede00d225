import { packageProject } from '../../vitest.shared.ts';

export default packageProject('o2cb-defaults');
