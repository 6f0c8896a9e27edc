/**
 * Generic deadlocks of the kind a generated program can reach, none of them a known pattern: the
 * benchmark's quiescence latency figures and the pipeline tests run these same programs.
 */

/** A lock acquired twice in a child: the child blocks on itself, the parent in join(). */
export const LOCK_TWICE = `import multiprocessing as mp

def work_1(o0):
    o0.acquire()
    o0.acquire()
    return 1

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    o0 = ctx.Lock()
    p1 = ctx.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
`;

/** A queue get() nobody feeds. */
export const UNFED_QUEUE = `import multiprocessing as mp

def work_1(o0):
    o0.get()
    return 1

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    o0 = ctx.Queue()
    p1 = ctx.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
`;

/** A pool whose task handler thread died (a BaseException while pickling a task): its result never comes. */
export const DEAD_TASK_HANDLER = `import multiprocessing as mp

class Unsendable:
    def __reduce__(self):
        raise KeyboardInterrupt('the task handler dies')

def f(x):
    return x

if __name__ == '__main__':
    with mp.get_context('spawn').Pool(2) as pool:
        print(pool.apply_async(f, (Unsendable(),)).get())
`;

/** Every generic deadlock, by the name its figure carries. */
export const DEADLOCKS: readonly (readonly [string, string])[] = [['lock', LOCK_TWICE], ['queue', UNFED_QUEUE], ['task-handler', DEAD_TASK_HANDLER]];
