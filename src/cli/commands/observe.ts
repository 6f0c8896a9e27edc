import { existsSync, statSync } from 'node:fs';
import { probeInterpreter } from '../../interpreters/probe.js';
import { observeFile } from '../../observe/run-program.js';
import { parseSeconds, parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatObservation } from '../format/observation.js';

/** `mpconform observe FILE.py`: run any program under the harness and print its classified tree. */
export const observeCommand: Command = {
  name: 'observe',
  summary: 'run a Python program under the harness and print its classified process tree',
  usage: `usage: mpconform observe FILE.py [--python PATH] [--timeout S] [--json]

Runs FILE.py (copied as main.py into a fresh temporary directory) and prints every process of
its tree with its label and outcome (ok, bootstrapping-error, signal:SIGSEGV, hang, ...).

  --python PATH   interpreter to run (default: python3 on PATH)
  --timeout S     wall-clock limit in seconds (default 60); a hopeless pool is cut short sooner
  --json          print the Observation as JSON
  -h, --help      this text

Exit 0 when the program was observed (whatever it did), 2 on bad usage or input.`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('observe', argv, {
      python: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(`observe: expected one FILE.py, got ${positionals.length} (see mpconform observe --help)`);
    const file = positionals[0]!;
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`observe: no such file: ${file}`);
    const timeoutMs = parseSeconds('observe', '--timeout', values.timeout, 60);
    const facts = await probeInterpreter(values.python ?? 'python3');
    const o = await observeFile(file, { python: facts, timeoutMs, signal: ctx.signal });
    ctx.out(values.json ? JSON.stringify({ file, python: facts, observation: o }, null, 2) : formatObservation(file, facts, o));
    return 0;
  },
};
