import { describeRuleRegistries } from '../../../test-support/rule-docs.js';
import { formats, labRules } from '../src/index.js';

// Every rule the `ftkit` CLI can run: each format's registry and the lab's cross-file rules.
describeRuleRegistries([...formats, { name: 'lab', rules: labRules }]);
