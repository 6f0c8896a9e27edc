// Family: inheritance-only. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { inheritanceOnlyArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('inheritance-only', inheritanceOnlyArb(), 10);
