import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { ocfs2ClusterConfFormat } from '../src/descriptor.js';

describeRuleDocs(ocfs2ClusterConfFormat);
