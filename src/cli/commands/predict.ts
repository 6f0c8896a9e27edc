import { readFileSync } from 'node:fs';
import { IMPLEMENTATIONS, PLATFORMS, compareVersions, type Implementation, type OracleFacts, type Platform } from '../../model/facts.js';
import { explain, predict, rulesById } from '../../oracle/index.js';
import { parseScenario } from '../../scenario/validate.js';
import { parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`predict: ${flag} expects one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** `mpconform predict`: the oracle alone, for a scenario file and interpreter facts given as flags. */
export const predictVerb: Command = {
  name: 'predict',
  summary: 'print what the oracle expects of a scenario on a given Python version and platform',
  usage: `usage: mpconform predict SCENARIO.json --python-version X.Y.Z [--platform P] [options]

Prints the Expectation (acceptable outcomes per process, expected notes) with the rule ids and
their sources. Runs nothing.

  --python-version X.Y.Z   interpreter version to the patch level (3.7.0 or newer)
  --platform P             linux, darwin or win32 (default linux)
  --implementation I       cpython or pypy (default cpython)
  --target T               library under test (default multiprocessing)
  --json                   print the Expectation as JSON
  -h, --help               this text`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('predict', argv, {
      'python-version': { type: 'string' }, platform: { type: 'string' }, implementation: { type: 'string' },
      target: { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(`predict: expected one SCENARIO.json, got ${positionals.length} (see mpconform predict --help)`);
    const version = values['python-version'];
    if (version === undefined || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new UsageError(`predict: --python-version expects X.Y.Z (e.g. 3.11.4), got ${JSON.stringify(version ?? '(none)')}`);
    }
    if (compareVersions(version, '3.7.0') < 0) throw new UsageError(`predict: Python ${version} is unsupported (3.7 or newer)`);
    const facts: OracleFacts = {
      version,
      platform: oneOf<Platform>('--platform', values.platform, PLATFORMS, 'linux'),
      implementation: oneOf<Implementation>('--implementation', values.implementation, IMPLEMENTATIONS, 'cpython'),
    };
    const file = positionals[0]!;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`predict: cannot read ${file} as JSON (${e instanceof SyntaxError ? e.message : ((e as NodeJS.ErrnoException).code ?? String(e))})`);
    }
    const scenario = parseScenario(json);
    const expectation = predict(scenario, facts, values.target ?? 'multiprocessing');
    if (values.json) {
      const rules = expectation.rules.map((id) => rulesById.get(id) ?? { id });
      ctx.out(JSON.stringify({ facts, target: values.target ?? 'multiprocessing', expectation, rules }, null, 2));
    } else {
      ctx.out(`${file} on ${facts.implementation} ${facts.version} (${facts.platform}):\n${explain(expectation)}`);
    }
    return 0;
  },
};
