import { LIBRARY_IDS } from '../../contracts/libraries.js';
import { runCommand } from '../run/command.js';
import { FAMILIES } from '../../run/families.js';
import { parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

/** `mpconform run`: the property run over interpreters × targets × families, with reports. */
export const runVerb: Command = {
  name: 'run',
  summary: 'run the conformance properties and write reports (JSON, JUnit, Markdown, HTML, repros)',
  usage: `usage: mpconform run [--python P]... [--target T]... [--family F]... [options]

Generates scenarios per property family, runs each on every interpreter and target, compares
every process's outcome with the oracle, shrinks disagreements to minimal repros, writes reports.

  --python P            interpreter: a path, a PATH name, a version (3.12, 3.11.2, pypy3.9),
                        env:NAME (a per-interpreter environment, scripts/setup-targets.sh) or
                        'all' (every discovered one; with a library --target, the environments
                        that have it instead of their base interpreters); repeatable (default: python3)
${wrapOption('  --target T            ', `library under test: ${LIBRARY_IDS.join(', ')}, or a data file describing a library (./mpconform-target.json, schema/target.schema.json); repeatable (default: multiprocessing)`)}
  --family F            property family; repeatable (default: all):
                        ${FAMILIES.map((f) => f.name).join(', ')}
  --runs N              scenarios per generated family (default 10; the corpus always runs whole)
  --seed S              seed (default: time-based; printed, and stored in the report)
  --jobs J              cases run in parallel (default: number of cores)
  --timeout S           wall-clock limit per case in seconds (default 30)
  --shard i/n           run only shard i of n (needs --seed; merge with 'mpconform merge')
  --reruns K            re-run a disagreement K times before calling it fail; one that comes
                        and goes is 'flaky' (default 2)
  --no-shrink           report failures as generated, without shrinking
  --shrink-budget S     wall-clock seconds to shrink one failure (default 30)
  --report-dir DIR      where reports go (default reports/<time>-s<seed>/)
  --expectations FILE   declared deviations (src/deviations/FORMAT.md); default: the shipped
                        expectations/<target>.json of each target that has one; 'none': no file
  --update-expectations FILE
                        write the current deviations as a starting expectations file
  --min-rule-coverage F fail unless, on every interpreter, at least this fraction (0-1) of the
                        oracle rules that apply to it were decisive in some case (a program
                        breaking the rule would have got a different verdict); always printed
  --baseline BASE.json  diff against an earlier report (cases matched by scenario); writes
                        diff.html; only new failures make the exit status 1
  --json                print a machine summary on stdout
  -h, --help            this text

Exit 0 when every case passes (or is an expected-fail), 1 on any fail, flaky or unexpected-pass
(with --baseline: on a new one only) or a failed coverage gate,
2 on bad usage or input, 130/143 when interrupted (the partial report is still written).`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('run', argv, {
      python: { type: 'string', multiple: true },
      target: { type: 'string', multiple: true },
      family: { type: 'string', multiple: true },
      runs: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      shard: { type: 'string' },
      reruns: { type: 'string' },
      'no-shrink': { type: 'boolean' },
      'shrink-budget': { type: 'string' },
      'report-dir': { type: 'string' },
      expectations: { type: 'string' },
      'update-expectations': { type: 'string' },
      json: { type: 'boolean' },
      'min-rule-coverage': { type: 'string' },
      baseline: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`run: unexpected argument ${JSON.stringify(positionals[0])} (see mpconform run --help)`);
    return runCommand(values, {
      stdout: (t) => void process.stdout.write(t),
      stderr: (t) => void process.stderr.write(t),
      stderrIsTTY: process.stderr.isTTY === true,
    }, ctx.signal);
  },
};

/** An option's help: `head` then `text` filled to 96 columns, continuation lines under the text. */
function wrapOption(head: string, text: string, width = 96): string {
  const indent = ' '.repeat(head.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && (lines.length === 0 ? head : indent).length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? head : indent) + l).join('\n');
}
