// Family: globals. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { globalsArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('globals', globalsArb(), 8);
