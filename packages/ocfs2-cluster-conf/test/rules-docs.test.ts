import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { lint, rules } from '../src/index.js';

describeRuleDocs('ocfs2-cluster-conf', rules, lint);
