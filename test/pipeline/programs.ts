/** Python programs for the pipeline tests, written the way src/render/SEMANTICS.md renders them. */

/** A fork-context Lock used by a spawn child: SIGSEGV before 3.11.5, parent RuntimeError after. */
export const SEMLOCK_FORK_TO_SPAWN = `import multiprocessing as mp

def work_1(o0):
    with o0:
        pass
    return 1

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    ctx_spawn = mp.get_context('spawn')
    o0 = ctx_fork.Lock()
    p1 = ctx_spawn.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode)
`;

/** Module-level set_start_method('spawn'): the spawn child re-runs it and fails. */
export const TOP_LEVEL_SET_START_METHOD = `import multiprocessing as mp

def work_1():
    print('@note w1.method', mp.get_start_method())
    return 1

mp.set_start_method('spawn')

if __name__ == '__main__':
    p1 = mp.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode)
`;

/** An unguarded spawn Process: the child's re-import tries to start it again. */
export const UNGUARDED_SPAWN_PROCESS = `import multiprocessing as mp

def work_1():
    return 1

ctx_spawn = mp.get_context('spawn')
p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
p1.start()
p1.join()
print('@note w1.exitcode', p1.exitcode)
`;

/** An unguarded spawn Pool: workers die and are replaced forever; the parent hangs. */
export const UNGUARDED_SPAWN_POOL = `import multiprocessing as mp

def work_1(a):
    return 1

ctx_spawn = mp.get_context('spawn')
with ctx_spawn.Pool(2) as pool1:
    print('@note w1.result', pool1.map(work_1, [0, 0]))
`;

export const UNKNOWN_CONTEXT = `import multiprocessing as mp

if __name__ == '__main__':
    mp.get_context('nope')
`;

/** A Queue as a Pool task argument: pickling it outside spawning raises "...through inheritance". */
export const QUEUE_AS_POOL_TASK_ARG = `import multiprocessing as mp

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    o0 = mp.Queue()
    with mp.Pool(2) as pool1:
        print('@note w1.result', pool1.map(work_1, [o0, o0]))
`;

export const LAMBDA_TARGET_SPAWN = `import multiprocessing as mp

def work_1():
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    p1 = ctx_spawn.Process(target=lambda *a: work_1(*a), args=(), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode)
`;

/** Works: a fork child with a grandchild, both reporting their start method. */
export const FORK_WORKS = `import multiprocessing as mp

G = 'initial'

def grand_1():
    print('@note w1.g.method', mp.get_start_method())

def work_1():
    print('@note w1.global', G)
    ctx_fork = mp.get_context('fork')
    g = ctx_fork.Process(target=grand_1, name='w1.g')
    g.start()
    g.join()
    print('@note w1.g.exitcode', g.exitcode)
    return 1

if __name__ == '__main__':
    G = 'changed'
    ctx_fork = mp.get_context('fork')
    p1 = ctx_fork.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode)
`;

export const CONCRETE_CONTEXT = `import multiprocessing as mp

if __name__ == '__main__':
    mp.get_context('fork').set_start_method('spawn')
`;

/** A target defined inside the guard: the spawn child's __mp_main__ lacks it. */
export const GUARDED_FUNCTION_SPAWN = `import multiprocessing as mp

if __name__ == '__main__':
    def work_1():
        return 1
    ctx_spawn = mp.get_context('spawn')
    p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode)
`;

/** An unguarded spawn executor: its worker dies bootstrapping and the executor breaks. */
export const UNGUARDED_SPAWN_EXECUTOR = `import multiprocessing as mp
import concurrent.futures

def work_1():
    return 1

ctx_spawn = mp.get_context('spawn')
with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx_spawn) as ex1:
    print('@note w1.result', ex1.submit(work_1).result())
`;

/** Top-level prints re-run by spawn/forkserver children (must not change under the probe). */
export const REIMPORT_COUNT = `import multiprocessing as mp
print('top', __name__, flush=True)

def work(tag):
    print('child', tag, __name__, flush=True)

if __name__ == '__main__':
    for m in ('spawn', 'forkserver', 'fork'):
        p = mp.get_context(m).Process(target=work, args=(m,), name='w-' + m)
        p.start()
        p.join()
        print('joined', m, p.exitcode, flush=True)
`;
