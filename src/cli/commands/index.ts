import type { CommandEntry } from '../command.js';

/**
 * Every verb, in `--help` order: its name and one-line summary here, its implementation (usage
 * text included) imported only when the verb is used, so `mpconform --help` and a verb's start-up
 * never load what other verbs need (execa, fast-check, the oracle, the reporters...).
 * To add one: a file in this folder and one entry here (index.test.ts checks that they agree).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    summary: 'run the conformance properties and write reports (JSON, JUnit, Markdown, HTML, repros)',
    load: async () => (await import('./run.js')).runVerb,
  },
  {
    name: 'observe',
    summary: 'run a Python program under the harness and print its classified process tree',
    load: async () => (await import('./observe.js')).observeCommand,
  },
  {
    name: 'pythons',
    summary: 'list interpreters (pyenv, uv, PATH, or --python) with their facts',
    load: async () => (await import('./pythons.js')).pythonsCommand,
  },
  {
    name: 'predict',
    summary: 'print what the oracle expects of a scenario on a given Python version and platform',
    load: async () => (await import('./predict.js')).predictVerb,
  },
  {
    name: 'replay',
    summary: 're-run a saved case (report.json --case ID, or a repro .py) and report whether it still disagrees',
    load: async () => (await import('./replay.js')).replayVerb,
  },
  {
    name: 'diff',
    summary: 'compare two report.json files: cases and rules that newly fail, newly pass, changed, appeared or vanished',
    load: async () => (await import('./diff.js')).diffVerb,
  },
  {
    name: 'merge',
    summary: 'merge the report.json files of shards into one report (all formats regenerated)',
    load: async () => (await import('./merge.js')).mergeVerb,
  },
];
