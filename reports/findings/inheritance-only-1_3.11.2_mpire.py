# mpconform repro — verdict: fail
# case:        inheritance-only-1@3.11.2/mpire
# family:      inheritance-only
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      mpire
# seed:        12   run: s12
# shrunk:      minimal counterexample after 4 shrink steps (2 runs)
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: absent  []  ->  absent
#
# hang: recognised by quiescence after 2510 ms — all 5 processes of the tree blocked for 1001 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 2): mpire/async_result.py line 64 in `wait`, waiting in threading.py line 320 in `wait`
#          thread 2: mpire/comms.py line 459 in `get_results`, waiting in multiprocessing/connection.py line 378 in `_recv`
#          thread 3: mpire/comms.py line 601 in `get_worker_restarts`, waiting in multiprocessing/synchronize.py line 261 in `wait`
#          thread 4: mpire/pool.py line 347 in `_timeout_handler`
#          thread 5: mpire/pool.py line 320 in `_unexpected_death_handler`
#          thread 6: threading.py line 320 in `wait`
#   pool (pid 3): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 415 in `select`
#   pool (pid 4): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 415 in `select`
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/inheritance-only-1_3.11.2_mpire.py

# mpconform scenario: (unnamed)
# target mpire; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
import functools
import multiprocessing as mp
import mpire


class MpcMpirePool(object):
    # mpconform adapter: Pool(2) calls made with mpire.WorkerPool; the default context leaves
    # start_method unset (mpire's own default), a concrete context passes its method
    def __init__(self, context, workers):
        kw = {} if context is mp else {"start_method": context.get_start_method()}
        self.pool = mpire.WorkerPool(n_jobs=workers, **kw)

    def __enter__(self):
        self.pool.__enter__()
        return self

    def __exit__(self, *exc):
        return self.pool.__exit__(*exc)

    def map(self, fn, items):
        return self.pool.map(fn, items)

    def starmap(self, fn, items):
        return self.pool.map(fn, [tuple(args) for args in items])

    def apply_async(self, fn, args):
        return self.pool.apply_async(fn, args=args)
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    o0 = mp.Queue()
    with functools.partial(MpcMpirePool, mp)(2) as pool1:
        note('w1.result', pool1.apply_async(work_1, (o0,)).get())
