import { discoverInterpreters, type Discovered } from '../../interpreters/discover.js';
import { probeInterpreter } from '../../interpreters/probe.js';
import { parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatPythons } from '../format/pythons.js';

/** `mpconform pythons`: discovered (or given) interpreters with their facts. */
export const pythonsCommand: Command = {
  name: 'pythons',
  summary: 'list interpreters (pyenv, uv, PATH, or --python) with their facts',
  usage: `usage: mpconform pythons [--python PATH]... [--json]

Without --python, discovers interpreters (pyenv versions, uv-managed Pythons, python3/python3.X/pypy3
on PATH; deduplicated by real path) and lists each with its facts, or why it is unusable.
With --python (repeatable), probes exactly those; an unusable one is an error (exit 2).

  --python PATH   interpreter to probe (repeatable)
  --json          print JSON
  -h, --help      this text`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('pythons', argv, {
      python: { type: 'string', multiple: true }, json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`pythons: unexpected argument ${JSON.stringify(positionals[0])} (see mpconform pythons --help)`);
    let list: Discovered[];
    if (values.python !== undefined && values.python.length > 0) {
      list = [];
      for (const p of values.python) list.push({ status: 'ok', path: p, source: 'explicit', facts: await probeInterpreter(p) });
    } else {
      list = await discoverInterpreters();
    }
    ctx.out(values.json ? JSON.stringify(list, null, 2) : formatPythons(list));
    return 0;
  },
};
