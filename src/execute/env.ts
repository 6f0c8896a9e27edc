import { EVENTS_ENV, TOKEN_ENV } from '../contracts/env.js';

/**
 * The whole environment a child tree gets (nothing else is inherited):
 * - PATH, HOME: from this process (HOME keeps the user site-packages visible, as in a shell);
 * - LANG, LC_ALL: `C.UTF-8`, so output encoding does not depend on the caller's locale;
 * - PYTHONPATH: the probe directory only (the caller's PYTHONPATH would change what imports): its
 *   copy precompiled for the interpreter (src/execute/compiled-probe.ts), else the source site dir;
 * - PYTHONDONTWRITEBYTECODE=1: no __pycache__ in the probe dir or the user's tree;
 * - PYTHONIOENCODING=utf-8: notes and tracebacks decode the same on every interpreter;
 * - TMPDIR: a directory inside the run's own temporary directory, so what the tree puts in "the"
 *   temp dir (multiprocessing's pymp-* dirs with the forkserver socket, tempfile users) is removed
 *   with it, even when the tree was SIGKILLed before its finalizers ran;
 * - MPCONFORM_EVENTS (events file) and MPCONFORM_RUN_TOKEN (finds our processes in /proc).
 * Nothing else from this process's environment reaches the child (execa `extendEnv: false`): no
 * tokens, credentials, CI variables or MPCONFORM_* settings of the caller
 * (test/reliability/safety.test.ts checks it).
 * Deliberately absent: PYTHONSTARTUP, PYTHONHOME, PYTHONINSPECT, PYTHONUNBUFFERED, PYTHONWARNINGS,
 * PYTHONSAFEPATH, PYTHONNODEBUGRANGES... anything that changes how the program behaves.
 */
export function childEnv(opts: { readonly probeDir: string; readonly eventsFile: string; readonly token: string; readonly tmpDir?: string }): Record<string, string> {
  return {
    ...(opts.tmpDir !== undefined ? { TMPDIR: opts.tmpDir } : {}),
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONPATH: opts.probeDir,
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    [EVENTS_ENV]: opts.eventsFile,
    [TOKEN_ENV]: opts.token,
  };
}

/** The environment for probing interpreter facts: the same, without the probe. */
export function factsEnv(): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
  };
}
