// Family: guard-bootstrapping. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { guardArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('guard-bootstrapping', guardArb(), 10);
