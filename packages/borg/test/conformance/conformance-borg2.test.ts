import { conformanceSuite } from './conformance-suite.js';

conformanceSuite('borg2');
