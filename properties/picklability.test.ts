// Family: picklability. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { picklabilityArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('picklability', picklabilityArb(), 8);
