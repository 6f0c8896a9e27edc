/** Linux signal numbers to names, for `signal:NAME` outcomes (negative `exitcode` in Python). */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS',
  8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE',
  14: 'SIGALRM', 15: 'SIGTERM', 17: 'SIGCHLD', 24: 'SIGXCPU', 25: 'SIGXFSZ',
};

/** `signal:NAME` for a signal number (falls back to `signal:SIG<n>`). */
export function signalOutcome(signo: number): `signal:${string}` {
  return `signal:${SIGNAL_NAMES[signo] ?? `SIG${signo}`}`;
}
