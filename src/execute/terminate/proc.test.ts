import { describe, expect, test } from 'vitest';
import { parseStat, waitKindOf } from './proc.js';

describe('/proc parsing', () => {
  test('stat: a command name with spaces and parentheses; CPU is own + reaped children', () => {
    const st = parseStat('4242 (py (x) y) S 4200 4200 4200 0 -1 4194304 97 0 0 0 7 3 2 1 20 0 1 0 43664 3133440 382');
    expect(st).toEqual({ pid: 4242, state: 'S', ppid: 4200, pgrp: 4200, cpu: 13 });
    expect(parseStat('garbage')).toBeNull();
  });

  test('x86-64 syscalls: waits without a timeout, with one, and running', () => {
    expect(waitKindOf('202 0x7f00 0x80 0x0 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('untimed'); // futex, no timeout (Lock.acquire())
    expect(waitKindOf('202 0x7f00 0x189 0x0 0x7f22f36f2ab0 0x0 0xffffffff 0x7ffd 0x7f01', 'x64')).toBe('timed'); // futex with a timeout
    expect(waitKindOf('230 0x1 0x1 0x7f22f36f2ab0 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('timed'); // clock_nanosleep (time.sleep)
    expect(waitKindOf('0 0x3 0x7fc5 0x20000 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('untimed'); // read (a pipe, Connection.recv)
    expect(waitKindOf('7 0x7f00 0x2 0xffffffff 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('untimed'); // poll(-1)
    expect(waitKindOf('7 0x7f00 0x2 0x64 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('timed'); // poll(100 ms)
    expect(waitKindOf('61 0x10 0x7ffd 0x0 0x0 0x0 0x0 0x7ffd 0x7f01', 'x64')).toBe('untimed'); // wait4 (join)
    expect(waitKindOf('running', 'x64')).toBe('running');
    expect(waitKindOf('202 0x7f00 0x80 0x0 0x0', 'mips')).toBe('timed'); // unknown architecture: the cautious side
  });
});
