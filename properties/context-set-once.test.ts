// Family: context-set-once. The oracle's rules for it live in src/oracle/rules/; see src/oracle/RULES.md.
import { contextSetOnceArb } from '../scenarios/index.js';
import { familyProperty } from './support/family.js';

await familyProperty('context-set-once', contextSetOnceArb(), 12);
