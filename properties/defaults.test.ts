// Family: defaults. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { defaultsArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('defaults', defaultsArb(), 6);
