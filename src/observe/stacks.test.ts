import { describe, expect, test } from 'vitest';
import { parseStacks, shortPath, whereLines } from './stacks.js';

const DUMP = `Thread 0x00007f2a1b7fe700 (most recent call first):
  File "/usr/lib/python3.11/threading.py", line 327 in wait
  File "/usr/lib/python3/dist-packages/billiard/pool.py", line 660 in _terminate_pool
  File "/usr/lib/python3.11/threading.py", line 975 in run

Current thread 0x00007f2a1c9a1740 (most recent call first):
  File "/usr/lib/python3.11/multiprocessing/popen_fork.py", line 27 in poll
  File "/usr/lib/python3.11/multiprocessing/process.py", line 149 in join
  File "/root/.cache/mpconform/probe-site/ab/sitecustomize.py", line 177 in join
  File "/tmp/mpconform-x1/main.py", line 12 in <module>
`;

describe('faulthandler stacks', () => {
  test('parsed per thread, innermost first; one line per thread, main thread first, probe frames left out', () => {
    const threads = parseStacks(DUMP);
    expect(threads.map((t) => [t.id, t.current, t.frames.length])).toEqual([['0x00007f2a1b7fe700', false, 3], ['0x00007f2a1c9a1740', true, 4]]);
    expect(threads[0]!.frames[1]).toEqual({ file: '/usr/lib/python3/dist-packages/billiard/pool.py', line: 660, func: '_terminate_pool' });
    expect(whereLines(threads)).toEqual([
      'main.py line 12 in `<module>`, waiting in multiprocessing/popen_fork.py line 27 in `poll`',
      'billiard/pool.py line 660 in `_terminate_pool`, waiting in threading.py line 327 in `wait`',
    ]);
  });

  test('paths as a reader knows them', () => {
    expect(shortPath('/usr/lib/python3.11/threading.py')).toBe('threading.py');
    expect(shortPath('/usr/lib/python3/dist-packages/billiard/pool.py')).toBe('billiard/pool.py');
    expect(shortPath('<string>')).toBe('<string>');
    expect(whereLines(parseStacks('Stack (most recent call first):\n  <no Python frame>\n'))).toEqual(['no Python frame']);
  });
});
