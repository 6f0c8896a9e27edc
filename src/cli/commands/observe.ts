import { existsSync, statSync } from 'node:fs';
import { probeInterpreter } from '../../interpreters/probe.js';
import { observeFile } from '../../observe/run-program.js';
import { parseSeconds, parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatObservation } from '../format/observation.js';

/** The largest program `observe` runs. */
export const MAX_PROGRAM_BYTES = 64 * 1024 * 1024;

/** `mpconform observe FILE.py`: run any program under the harness and print its classified tree. */
export const observeCommand: Command = {
  name: 'observe',
  summary: 'run a Python program under the harness and print its classified process tree',
  usage: `usage: mpconform observe FILE.py [--python PATH] [--timeout S] [--quiescence S] [--json]

Runs FILE.py (copied as main.py into a fresh temporary directory) and prints every process of
its tree with its label and outcome (ok, bootstrapping-error, signal:SIGSEGV, hang, ...). When the
program hangs, each Python process's stack (taken with faulthandler before the tree is ended) follows.

  --python PATH   interpreter to run (default: python3 on PATH)
  --timeout S     wall-clock limit in seconds (default 60); a hopeless pool is cut short sooner
  --quiescence S  call the program hung once its whole tree has been blocked (no CPU time, output,
                  process started or ended) for S seconds (5×S when a thread waits with a
                  timeout); off by default, since a program may sleep on purpose
  --json          print the Observation as JSON
  -h, --help      this text

Exit 0 when the program was observed (whatever it did), 2 on bad usage or input.`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('observe', argv, {
      python: { type: 'string' }, timeout: { type: 'string' }, quiescence: { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(`observe: expected one FILE.py, got ${positionals.length} (see mpconform observe --help)`);
    const file = positionals[0]!;
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`observe: no such file: ${file}`);
    // a program is text Python compiles: past 64 MiB it is not one (and a 3 GiB file cannot even be read as a string)
    const size = statSync(file).size;
    if (size > MAX_PROGRAM_BYTES) throw new UsageError(`observe: ${file} is ${Math.round(size / 1048576)} MiB; a program must be at most ${MAX_PROGRAM_BYTES / 1048576} MiB`);
    const timeoutMs = parseSeconds('observe', '--timeout', values.timeout, 60);
    const facts = await probeInterpreter(values.python ?? 'python3');
    const quiescence = values.quiescence === undefined ? undefined : parseSeconds('observe', '--quiescence', values.quiescence, 0);
    const o = await observeFile(file, { python: facts, timeoutMs, signal: ctx.signal, ...(quiescence !== undefined ? { quiescence } : {}) });
    ctx.out(values.json ? JSON.stringify({ file, python: facts, observation: o }, null, 2) : formatObservation(file, facts, o));
    return 0;
  },
};
