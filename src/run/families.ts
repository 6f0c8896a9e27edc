import {
  contextSetOnceArb, crossContextSemLockArb, defaultsArb, globalsArb, guardArb,
  inheritanceOnlyArb, picklabilityArb, scenarioArb, corpus,
} from '../../scenarios/index.js';
import type { Family } from './family.js';
import { OptionError } from '../options/errors.js';

/**
 * The property families, one per documented behaviour, plus the general property and the corpus.
 *
 * @public
 */
export const FAMILIES: readonly Family[] = [
  { name: 'context-set-once', kind: 'generated', arb: contextSetOnceArb(), summary: 'set_start_method once; what fixes the default context' },
  { name: 'guard-bootstrapping', kind: 'generated', arb: guardArb(), summary: "the __main__ guard and the bootstrapping RuntimeError" },
  { name: 'cross-context-semlock', kind: 'generated', arb: crossContextSemLockArb(), summary: 'SemLock objects made in one context, used by a worker of another' },
  { name: 'inheritance-only', kind: 'generated', arb: inheritanceOnlyArb(), summary: 'objects that travel only through inheritance vs Manager proxies' },
  { name: 'globals', kind: 'generated', arb: globalsArb(), summary: 'module globals seen by fork vs spawn/forkserver children' },
  { name: 'picklability', kind: 'generated', arb: picklabilityArb(), summary: 'lambda and guard-defined targets under each start method' },
  { name: 'defaults', kind: 'generated', arb: defaultsArb(), summary: 'the default start method per version and platform' },
  { name: 'general', kind: 'generated', arb: scenarioArb(), summary: 'any scenario of the whole space' },
  { name: 'corpus', kind: 'fixed', scenarios: corpus.map((c) => c.scenario), summary: 'curated shapes from the docs and tutorials' },
];

/**
 * Families by name; unknown names are reported with the list of known ones.
 *
 * @public
 */
export function selectFamilies(names: readonly string[] | null): readonly Family[] {
  if (names === null) return FAMILIES;
  return names.map((name) => {
    const found = FAMILIES.find((f) => f.name === name);
    if (!found) throw new OptionError(`--family expects one of ${FAMILIES.map((f) => f.name).join(', ')}, got ${JSON.stringify(name)}`);
    return found;
  });
}
