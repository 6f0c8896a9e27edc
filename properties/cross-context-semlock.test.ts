// Family: cross-context-semlock. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { crossContextSemLockArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('cross-context-semlock', crossContextSemLockArb(), 10);
