/**
 * Every delay the end of a run depends on, named once. The figures behind them are in
 * `npm run bench` (hang latency, sampling CPU); none of them is tuned to make a test pass.
 */

/** After the main process exited: how long leftovers (forkserver, resource tracker, orphans) may hold our pipes before they are killed. */
export const DRAIN_MS = 300;

/**
 * ...and, when the leftover is a resource tracker with nobody left to wait for, how much longer it may take to
 * print its report and exit (it needs a few scheduler slices; a loaded CI machine gives them late).
 */
export const TRACKER_DRAIN_MS = 5_000;
/** How often the events are re-read while a tracker is waited for. */
export const TRACKER_POLL_MS = 25;

/** Default SIGTERM → SIGKILL grace when a run is stopped. */
export const GRACE_MS = 500;

/** A run longer than this may have outlived a pid wrap-around, so the final token scan reads every pid. */
export const FULL_SCAN_AFTER_MS = 5_000;

/** How often the tree's processes are sampled from /proc while quiescence is watched. */
export const QUIESCENCE_SAMPLE_MS = 100;

/**
 * Confirmation window for generated programs: every thread of the tree blocked (state S) without a timeout
 * (lock, queue, pipe, join), no CPU time gained, no output, no probe event and no process started or
 * ended for this long is a deadlock (a generated program never waits on anything outside its tree).
 */
export const GENERATED_QUIESCENCE_MS = 1_000;

/**
 * When some thread of an otherwise quiet tree is in a wait with a timeout (a sleep, a polling loop,
 * `join(timeout)`), the tree might continue by itself when it expires: the window is this many
 * times longer. A polling pool (billiard's supervisor thread) still ends up classified, later.
 */
export const TIMED_WAIT_FACTOR = 5;

/**
 * CPU time (clock ticks, USER_HZ) an otherwise quiet tree may gain without it counting as
 * progress: a polling thread waking every 100 ms costs a fraction of a tick per wake-up. A base
 * allowance plus this many ticks per second of quiet; a program making progress gains about 100
 * ticks per second of CPU.
 */
export const QUIET_CPU_BASE_TICKS = 2;
export const QUIET_CPU_TICKS_PER_S = 1;

/** How long processes asked for their stacks get to write them before the hung tree is killed. */
export const STACKS_WAIT_MS = 500;
/** How often the stacks files are checked while waiting. */
export const STACKS_POLL_MS = 20;
