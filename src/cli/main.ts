#!/usr/bin/env node
/** The `mpconform` command: dispatches to the verbs in src/cli/commands/. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { killAllRunning } from '../execute/registry.js';
import { cleanupAllNow } from '../execute/sandbox/index.js';
import { cancelFactsProbes } from '../interpreters/probe.js';
import { printable } from './format/terminal.js';
import type { Command, CommandEntry } from './command.js';
import { COMMANDS } from './commands/index.js';
import { describeError, EXIT } from './errors.js';

function help(commands: readonly (Command | CommandEntry)[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: mpconform <command> [options]',
    '',
    'Conformance harness for Python multiprocessing start methods, run on real interpreters.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'mpconform <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], commands: readonly (Command | CommandEntry)[] = COMMANDS): Promise<number> {
  const [verb, ...rest] = argv;
  const out = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    out(help(commands));
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  const found = commands.find((c) => c.name === verb);
  if (found === undefined) {
    process.stderr.write(`mpconform: unknown command ${JSON.stringify(verb)} (commands: ${commands.map((c) => c.name).join(', ')})\n`);
    return EXIT.usage;
  }
  let command: Command;
  try {
    command = 'load' in found ? await found.load() : found;
  } catch (error) {
    const { code, line } = describeError(error);
    process.stderr.write(`${printable(line)}\n`);
    return code;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return EXIT.ok;
  }
  const controller = new AbortController();
  let interrupts = 0;
  const exitFor = (sig: NodeJS.Signals): number => (sig === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
  const onSignal = (sig: NodeJS.Signals): void => {
    // first signal: stop and clean up gracefully (partial report); a second one, while that is
    // still under way: end every tree now and remove what it left (processes, /dev/shm, temp
    // dirs), bounded, then leave with the first signal's code
    if (++interrupts > 1) {
      killAllRunning();
      cleanupAllNow();
      process.exit(exitFor((controller.signal.reason as NodeJS.Signals | undefined) ?? sig));
    }
    // the reason tells verbs which signal it was (exit 130 for SIGINT, 143 for SIGTERM)
    controller.abort(sig);
    // an interpreter being probed for its facts (a --python that hangs) is ended too
    cancelFactsProbes();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await command.run(rest, { signal: controller.signal, out });
  } catch (error) {
    let { code, line } = describeError(error);
    // a verb stopped by the signal: 130 for SIGINT, 143 for SIGTERM
    if (controller.signal.aborted && code === EXIT.interrupted) code = exitFor(controller.signal.reason as NodeJS.Signals);
    process.stderr.write(`${printable(line)}\n`);
    if (code === EXIT.internal && process.env['MPCONFORM_DEBUG']) process.stderr.write(`${String((error as Error).stack)}\n`);
    return code;
  } finally {
    // once interrupted, the handlers stay until the process ends: a second signal arriving after
    // the verb returned but before the event loop drained would otherwise take the default action
    // and exit 143 instead of the first signal's code
    if (interrupts === 0) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
