import { describe, expect, it } from 'vitest';
import { corpus } from '../../scenarios/corpus/index.js';
import type { Platform } from '../model/facts.js';
import { predict } from './predict.js';
import { facts, outcomes } from '../../test/support/oracle-kit.js';

// Per-version outcomes of the corpus programs whose behaviour changed in a patch release. The real 3.12.1, 3.13.0,
// 3.13.5 and 3.13.15 run them in properties/corpus.test.ts; the other rows are on paper, from the stdlib sources named
// in each corpus entry and docs/cpython-changes.md.
const program = (name: string) => {
  const e = corpus.find((c) => c.name === name);
  if (e === undefined) throw new Error(`no corpus entry ${name}`);
  return e.scenario;
};

type Row = readonly [version: string, platform: Platform, label: string, accept: readonly string[]];

const table: Record<string, readonly Row[]> = {
  'spawn-process-then-set-start-method': [
    ['3.12.1', 'linux', 'main', ['context-already-set']], ['3.13.0', 'linux', 'main', ['context-already-set']],
    ['3.13.5', 'linux', 'main', ['context-already-set']], ['3.13.11', 'linux', 'main', ['context-already-set']],
    ['3.13.12', 'linux', 'main', ['ok']], ['3.13.15', 'linux', 'main', ['ok']],
    ['3.14.2', 'linux', 'main', ['context-already-set']], ['3.14.3', 'linux', 'main', ['ok']], ['3.15.0', 'linux', 'main', ['ok']],
    ['3.13.11', 'darwin', 'main', ['context-already-set']], ['3.13.12', 'darwin', 'main', ['ok']],
    // Windows has no fork context: the late set fails whatever the preparation did
    ['3.13.15', 'win32', 'main', ['unknown-context']],
  ],
  'docs-freeze-support-then-set-spawn': [
    ['3.12.1', 'linux', 'main', ['ok']], ['3.13.0', 'linux', 'main', ['ok']], ['3.13.3', 'linux', 'main', ['ok']],
    ['3.13.4', 'linux', 'main', ['context-already-set']], ['3.13.5', 'linux', 'main', ['context-already-set']],
    ['3.13.12', 'linux', 'main', ['context-already-set']], ['3.13.13', 'linux', 'main', ['ok']], ['3.13.15', 'linux', 'main', ['ok']],
    ['3.14.0', 'linux', 'main', ['context-already-set']], ['3.14.3', 'linux', 'main', ['context-already-set']],
    ['3.14.4', 'linux', 'main', ['ok']], ['3.15.0', 'linux', 'main', ['ok']],
    ['3.13.5', 'win32', 'main', ['context-already-set']], ['3.14.2', 'darwin', 'main', ['context-already-set']],
    ['3.13.5', 'linux', 'w0', ['absent']], ['3.13.15', 'linux', 'w0', ['ok']],
  ],
  'forkserver-unguarded-process': [
    ['3.12.1', 'linux', 'main', ['ok']], ['3.12.1', 'linux', 'w0', ['bootstrapping-error']],
    ['3.13.0', 'linux', 'main', ['ok']], ['3.13.5', 'linux', 'w0', ['bootstrapping-error']], ['3.13.7', 'linux', 'main', ['ok']],
    ['3.13.8', 'linux', 'main', ['exception:EOFError']], ['3.13.8', 'linux', 'forkserver', ['bootstrapping-error']],
    ['3.13.15', 'linux', 'main', ['exception:EOFError']], ['3.13.15', 'linux', 'w0', ['absent']],
    ['3.14.0', 'linux', 'main', ['ok']], ['3.14.0', 'linux', 'w0', ['bootstrapping-error']],
    ['3.14.1', 'linux', 'main', ['exception:ConnectionResetError']], ['3.14.4', 'linux', 'forkserver', ['bootstrapping-error']],
    ['3.15.0', 'linux', 'main', ['ok']], ['3.15.0', 'linux', 'w0', ['bootstrapping-error']], ['3.15.0', 'linux', 'forkserver', ['ok']],
    ['3.13.10', 'darwin', 'main', ['exception:ConnectionResetError', 'exception:RuntimeError']],
    ['3.13.15', 'win32', 'main', ['unknown-context']],
  ],
  'forkserver-top-level-set-start-method': [
    ['3.12.1', 'linux', 'w0', ['context-already-set']], ['3.13.5', 'linux', 'w0', ['context-already-set']],
    ['3.13.8', 'linux', 'w0', ['ok']], ['3.13.15', 'linux', 'w0', ['ok']], ['3.14.0', 'linux', 'w0', ['context-already-set']],
    ['3.14.1', 'linux', 'w0', ['ok']], ['3.15.0', 'linux', 'w0', ['ok']], ['3.13.15', 'linux', 'forkserver', ['ok']],
    ['3.14.2', 'darwin', 'w0', ['ok']], ['3.14.2', 'win32', 'main', ['unknown-context']],
  ],
  'forkserver-top-level-runs-once': [
    ['3.13.5', 'linux', 'w0', ['ok']], ['3.13.15', 'linux', 'w1', ['ok']], ['3.13.15', 'linux', 'resource-tracker', ['ok']],
  ],
};

const notes: Record<string, readonly (readonly [string, Platform, string, readonly string[]])[]> = {
  'forkserver-top-level-runs-once': [
    ['3.13.5', 'linux', 's0.method', ['None', 'fork']], ['3.13.8', 'linux', 's0.method', ['None']],
    ['3.13.15', 'linux', 's0.method', ['None']], ['3.14.0', 'linux', 's0.method', ['None', 'forkserver']],
    ['3.14.2', 'linux', 's0.method', ['None']], ['3.13.15', 'linux', 'w0.global', ['changed']], ['3.13.15', 'linux', 'w1.method', ['forkserver']],
  ],
  'forkserver-top-level-set-start-method': [['3.13.15', 'linux', 'w0.method', ['forkserver']], ['3.13.5', 'linux', 'w0.exitcode', ['1']]],
  'docs-freeze-support-then-set-spawn': [['3.13.15', 'linux', 'w0.method', ['spawn']]],
};

describe('corpus programs across patch releases', () => {
  for (const [name, rows] of Object.entries(table)) {
    it.each(rows)(`${name}: %s %s %s → %j`, (version, platform, label, accept) => {
      expect(outcomes(predict(program(name), facts(version, platform)), label)).toEqual(accept);
    });
  }
  for (const [name, rows] of Object.entries(notes)) {
    it.each(rows)(`${name}: %s %s note %s → %j`, (version, platform, key, accept) => {
      expect(predict(program(name), facts(version, platform)).notes[key]).toEqual(accept);
    });
  }
});
