import { replay } from '../replay/replay.js';
import { RUN_LIMITS } from '../../run/normalize.js';
import { parseInteger, parseSeconds, parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

/** `mpconform replay`: re-run one saved case and say whether it still disagrees, and how often. */
export const replayVerb: Command = {
  name: 'replay',
  summary: 're-run a saved case (report.json --case ID, or a repro .py) and report whether it still disagrees',
  usage: `usage: mpconform replay REPORT.json --case ID [--runs K] [--python P] [--json]
       mpconform replay REPRO.py --python P [--target T] [--runs K] [--json]

Re-runs the case (its minimal counterexample when it was shrunk) on the same interpreter, or on
--python, and prints whether it still disagrees with the oracle; with --runs K, the failure rate.
A case of a data-file target loads the same data file the run did (its path is in report.json).

  --case ID       case id in the report
  --python P      interpreter (default: the case's own)
  --target T      library under test: a shipped id or a data file (./mpconform-target.json)
                  (default: the case's own — for a data-file target, the file report.json
                  records — or multiprocessing for a repro)
  --runs K        how many times to run it (default 1)
  --timeout S     wall-clock limit per run in seconds (default 30)
  --json          print the result as JSON
  -h, --help      this text

Exit 0 when it no longer disagrees, 1 when it still does (in any run), 2 on bad input.`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('replay', argv, {
      case: { type: 'string' }, python: { type: 'string' }, target: { type: 'string' },
      runs: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(`replay: expected one REPORT.json or REPRO.py, got ${positionals.length}`);
    const runs = parseInteger('replay', '--runs', values.runs, 1, RUN_LIMITS.replayRuns);
    const result = await replay({
      file: positionals[0]!, caseId: values.case ?? null, python: values.python ?? null, target: values.target ?? null,
      runs, timeoutMs: parseSeconds('replay', '--timeout', values.timeout, 30), signal: ctx.signal,
    });
    if (values.json) ctx.out(JSON.stringify(result, null, 2));
    else {
      const on = `${result.python}, target ${result.target}${result.targetFile ? ` (${result.targetFile})` : ''}`;
      const rate = `${result.disagreements} of ${result.runs} run${result.runs === 1 ? '' : 's'}`;
      ctx.out(result.disagreements > 0
        ? `still disagrees (${rate}) on ${on}:\n${result.lines.map((l) => `  ${l}`).join('\n')}`
        : `no longer disagrees (0 of ${result.runs} runs) on ${on}`);
    }
    return result.disagreements > 0 ? 1 : 0;
  },
};
