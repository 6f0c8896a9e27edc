/** Python programs that hang, crash and leak, for the reliability tests (Python 3.8+ unless noted). */

/** Unguarded spawn Pool: every worker re-imports main, fails bootstrapping and is replaced (hang). */
export const UNGUARDED_SPAWN_POOL = `import multiprocessing as mp
def sq(x):
    return x * x
ctx = mp.get_context('spawn')
pool = ctx.Pool(2)
print(pool.map(sq, range(4)))
`;

/** A fork child that sleeps forever; the parent joins it. */
export const CHILD_SLEEPS_FOREVER = `import multiprocessing as mp, time
def sleeper():
    time.sleep(3600)
if __name__ == '__main__':
    p = mp.get_context('fork').Process(target=sleeper, name='w1')
    p.start()
    print('@note started 1', flush=True)
    p.join()
`;

/**
 * Parent and spawn child ignore SIGTERM while holding a spawn-context Lock and Semaphore (named
 * POSIX semaphores): only SIGKILL ends them, and their resource tracker dies with them.
 */
export const IGNORES_SIGTERM_HOLDING_SEMAPHORES = `import multiprocessing as mp, signal, time
def stubborn(lock, sem):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    lock.acquire()
    sem.acquire()
    print('@note child holds 1', flush=True)
    time.sleep(3600)
if __name__ == '__main__':
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    ctx = mp.get_context('spawn')
    lock, sem = ctx.Lock(), ctx.Semaphore(1)
    p = ctx.Process(target=stubborn, args=(lock, sem), name='w1')
    p.start()
    p.join()
`;

/** A grandchild that leaves the process group with os.setsid() and sleeps; the parent sleeps too. */
export const SETSID_GRANDCHILD = `import multiprocessing as mp, os, time
def child():
    if os.fork() == 0:
        os.setsid()
        print('@note grandchild', os.getpid(), flush=True)
        time.sleep(3600)
        os._exit(0)
    time.sleep(3600)
if __name__ == '__main__':
    p = mp.get_context('fork').Process(target=child, name='w1')
    p.start()
    p.join()
`;

/**
 * Forkserver tree: SharedMemory and a Queue created, a worker that ignores SIGTERM; the forkserver
 * socket lives in a pymp-* temp dir.
 */
export const FORKSERVER_SHM_STUCK = `import multiprocessing as mp, signal, tempfile, time
from multiprocessing import shared_memory
def stuck(q):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    q.put(1)
    time.sleep(3600)
if __name__ == '__main__':
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    ctx = mp.get_context('forkserver')
    shm = shared_memory.SharedMemory(create=True, size=1 << 16)
    q = ctx.Queue()
    p = ctx.Process(target=stuck, args=(q,), name='w1')
    p.start()
    q.get()
    print('@note tmp', tempfile.gettempdir(), flush=True)
    p.join()
`;

/** SIGSEGV in the main process while a spawn child holds semaphores and ignores SIGTERM. */
export const SEGV_WITH_CHILD = `import multiprocessing as mp, os, signal, time
def holder(lock):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    lock.acquire()
    time.sleep(3600)
if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    lock = ctx.Lock()
    p = ctx.Process(target=holder, args=(lock,), name='w1')
    p.start()
    time.sleep(0.3)
    os.kill(os.getpid(), signal.SIGSEGV)
`;

/** A plain SIGSEGV. */
export const SEGV = `import os, signal
os.kill(os.getpid(), signal.SIGSEGV)
`;

/** os._exit while holding an acquired semaphore, after creating SemLocks and SharedMemory. */
export const EXIT_HOLDING = `import multiprocessing as mp, os
from multiprocessing import shared_memory
if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    lock, sem, ev = ctx.Lock(), ctx.BoundedSemaphore(2), ctx.Event()
    lock.acquire(); sem.acquire()
    shm = shared_memory.SharedMemory(create=True, size=4096)
    os._exit(7)
`;

/** os._exit in a child that holds the parent's semaphore; the parent then exits normally. */
export const CHILD_EXIT_HOLDING = `import multiprocessing as mp, os
def die(lock):
    lock.acquire()
    os._exit(3)
if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    lock = ctx.Lock()
    p = ctx.Process(target=die, args=(lock,), name='w1')
    p.start(); p.join()
    print('@note w1.exitcode', p.exitcode)
`;

/**
 * Churns named IPC in a spawn or forkserver child (and the main): Locks, Semaphores, Queues and
 * SharedMemory created and dropped in a loop, so a kill lands inside sem_open / shm_open often.
 */
export const churnIpc = (method: 'spawn' | 'forkserver'): string => `import multiprocessing as mp, os
from multiprocessing import shared_memory
def churn(n):
    while True:
        ls = [mp.Lock() for _ in range(4)]
        q = mp.Queue()
        s = shared_memory.SharedMemory(create=True, size=4096)
        s.close(); s.unlink()
        del ls, q
if __name__ == '__main__':
    mp.set_start_method('${method}')
    ps = [mp.Process(target=churn, args=(i,), name='w%d' % i) for i in range(2)]
    for p in ps: p.start()
    churn(-1)
`;

/** 50 Locks and a SharedMemory held by a main and a spawn child that both ignore SIGTERM. */
export const holds50LocksIgnoresSigterm = (ready: string): string => `import multiprocessing as mp, signal, time
from multiprocessing import shared_memory
def child(locks):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(3600)
if __name__ == '__main__':
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    ctx = mp.get_context('spawn')
    locks = [ctx.Lock() for _ in range(50)]
    shm = shared_memory.SharedMemory(create=True, size=1 << 16)
    p = ctx.Process(target=child, args=(locks,), name='w1')
    p.start()
    time.sleep(0.5)
    open(${JSON.stringify(ready)}, 'w').close()
    p.join()
`;

/** A daemon with a clean environment in its own session (no run token, no process group in common). */
export const cleanEnvDaemon = (marker: string): string => `import subprocess, time
subprocess.Popen(['/bin/sleep', '${marker}'], start_new_session=True, env={})
print('@note daemon 1', flush=True)
`;

/** Writes `mib` MiB without a newline into the events file, then exits normally. */
export const hugeEventLine = (mib: number): string => `import os
fd = os.open(os.environ['MPCONFORM_EVENTS'], os.O_WRONLY | os.O_APPEND)
chunk = b'x' * (1 << 20)
for _ in range(${mib}):
    os.write(fd, chunk)
os.close(fd)
print('@note wrote ${mib}', flush=True)
`;

/** Terminal escapes in a process name, an exception message and a note. */
export const TERMINAL_ESCAPES = `import multiprocessing as mp, sys
def boom():
    raise ValueError('red \\x1b[31m bell \\x07 title \\x1b]0;owned\\x07 csi8 \\x9b2J')
if __name__ == '__main__':
    p = mp.get_context('fork').Process(target=boom, name='evil\\x1b[2Jname\\x07')
    p.start(); p.join()
    sys.stdout.write('@note esc \\x1b[1mbold\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07 \\x9b31m\\n')
    sys.stdout.flush()
`;

/**
 * Forged \`ipc\` events naming files the run never created (they exist before it starts), written
 * into the events file by the program, which is then killed (timeout).
 */
export const forgedIpc = (names: readonly { kind: string; name: string }[]): string => `import json, os, time
fd = os.open(os.environ['MPCONFORM_EVENTS'], os.O_WRONLY | os.O_APPEND)
for n in ${JSON.stringify(names)}:
    os.write(fd, (json.dumps(dict(ev='ipc', pid=os.getpid(), t=time.time(), kind=n['kind'], name=n['name'], lib='multiprocessing')) + '\\n').encode())
os.close(fd)
time.sleep(3600)
`;
