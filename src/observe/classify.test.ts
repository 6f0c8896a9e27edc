import { describe, expect, test } from 'vitest';
import { classifyException, classifyWarning } from './classify.js';
import { labelOf } from './roles.js';
import { parseTracebacks } from './tracebacks.js';

const exc = (type: string, message: string, errno: number | null = null) => ({ type, message, errno });

describe('classifyException', () => {
  test.each([
    [exc('RuntimeError', 'context has already been set'), 'context-already-set'],
    [exc('RuntimeError', '\n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase.\n'), 'bootstrapping-error'],
    [exc('RuntimeError', 'A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported.'), 'semlock-fork-context'],
    [exc('OSError', '[Errno 9] Bad file descriptor', 9), 'bad-file-descriptor'],
    [exc('RuntimeError', 'Queue objects should only be shared between processes through inheritance'), 'inheritance-only'],
    [exc('ValueError', "cannot find context for 'nope'"), 'unknown-context'],
    [exc('ValueError', 'cannot set start method of concrete context'), 'concrete-context'],
    [exc('PicklingError', "Can't pickle <function <lambda> at 0x7f>: attribute lookup <lambda> on __main__ failed"), 'pickling-error'],
    [exc('AttributeError', "Can't pickle local object 'main.<locals>.f'"), 'pickling-error'],
    [exc('TypeError', "cannot pickle '_thread.lock' object"), 'pickling-error'],
    [exc('TypeError', "can't pickle _thread.lock objects"), 'pickling-error'],
    [exc('AttributeError', "Can't get attribute 'work_1' on <module '__mp_main__' from '/tmp/main.py'>"), 'main-attribute-missing'],
    // every spelling of docs/cpython-changes.md "pickle-messages" (measured on 3.11.7 ... 3.15.0rc1)
    [exc('AttributeError', "Can't get local object 'outer.<locals>.inner'"), 'pickling-error'], // 3.12.5+, 3.13
    [exc('PicklingError', "Can't pickle local object <function outer.<locals>.inner at 0x7f>"), 'pickling-error'], // 3.14+
    [exc('PicklingError', "Can't pickle <function <lambda> at 0x7f>: it's not found as __main__.<lambda>"), 'pickling-error'], // 3.14+
    [exc('AttributeError', "module '__mp_main__' has no attribute 'work_0'"), 'main-attribute-missing'], // 3.14+
    [exc('AttributeError', "module '__mp_main__' has no attribute 'work_0'. Did you mean: 'work_1'?"), 'main-attribute-missing'],
    [exc('AttributeError', "module '__main__' has no attribute 'work_0'"), 'main-attribute-missing'], // 3.14+, a child that re-ran nothing
    [exc('AttributeError', "module 'os' has no attribute 'nope'"), 'exception:AttributeError'],
    [exc('BrokenProcessPool', 'A process in the process pool was terminated abruptly'), 'broken-process-pool'],
    [exc('ValueError', 'raised by worker 3'), 'exception:ValueError'],
    [exc('RuntimeError', 'context is weird'), 'exception:RuntimeError'],
    [exc('ValueError', 'context has already been set'), 'exception:ValueError'], // right text, wrong type
  ] as const)('%o → %s', (e, outcome) => {
    expect(classifyException(e)).toBe(outcome);
  });
});

describe('parseTracebacks', () => {
  test('final lines of each traceback, type without module, errno', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "main.py", line 3, in <module>',
      '    os.close(99)',
      '    ^^^^^^^^^^^^',
      'OSError: [Errno 9] Bad file descriptor',
      'noise',
      'Traceback (most recent call last):',
      '  File "<string>", line 1, in <module>',
      '_pickle.PicklingError: Can\'t pickle <function <lambda>>',
    ].join('\n');
    expect(parseTracebacks(text)).toEqual([
      { type: 'OSError', message: '[Errno 9] Bad file descriptor', errno: 9 },
      { type: 'PicklingError', message: "Can't pickle <function <lambda>>", errno: null },
    ]);
  });

  test('classifies a library subclass by its base class (loky TerminatedWorkerError is a BrokenProcessPool)', () => {
    const e = { type: 'TerminatedWorkerError', message: 'A worker process managed by the executor was unexpectedly terminated.', errno: null };
    expect(classifyException(e)).toBe('exception:TerminatedWorkerError');
    expect(classifyException({ ...e, bases: ['BrokenProcessPool', 'BrokenExecutor', 'RuntimeError'] })).toBe('broken-process-pool');
    // a base shared by unrelated rows still needs the row's substring
    expect(classifyException({ type: 'MyError', message: 'boom', errno: null, bases: ['RuntimeError'] })).toBe('exception:MyError');
  });
});

describe('classifyWarning and the resource tracker label', () => {
  test('os.fork\'s multi-threaded DeprecationWarning (Modules/posixmodule.c, 3.12+) has a stable id', () => {
    expect(classifyWarning({ category: 'DeprecationWarning', message: 'This process (pid=4242) is multi-threaded, use of fork() may lead to deadlocks in the child.' })).toBe('fork-multithreaded');
    expect(classifyWarning({ category: 'UserWarning', message: 'resource_tracker: There appear to be 1 leaked semaphore objects' })).toBe('warning:UserWarning');
  });
  test('the resource tracker is a labelled process of the tree', () => {
    expect(labelOf('resource-tracker', null)).toBe('resource-tracker');
    expect(labelOf('other', 'w3')).toBe('w3');
  });
});
