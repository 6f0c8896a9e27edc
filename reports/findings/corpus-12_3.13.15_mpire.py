# mpconform repro — verdict: fail
# case:        corpus-12@3.13.15/mpire
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      mpire
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by timeout after 30007 ms — no exit within 30000 ms
# where it hangs:
#   main (pid 4): mpire/async_result.py line 161 in `next`, waiting in threading.py line 363 in `wait`
#          thread 2: tqdm/_monitor.py line 69 in `run`, waiting in threading.py line 363 in `wait`
#          thread 3: mpire/comms.py line 459 in `get_results`, waiting in multiprocessing/connection.py line 400 in `_recv`
#          thread 4: mpire/comms.py line 601 in `get_worker_restarts`, waiting in multiprocessing/synchronize.py line 268 in `wait`
#          thread 5: mpire/pool.py line 347 in `_timeout_handler`
#          thread 6: mpire/pool.py line 320 in `_unexpected_death_handler`
#          thread 7: threading.py line 359 in `wait`
#          thread 8: threading.py line 359 in `wait`
#   resource-tracker (pid 5): <string> line 1 in `<module>`, waiting in multiprocessing/resource_tracker.py line 445 in `main`
#   pool (pid 7): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 398 in `select`
#   pool (pid 8): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 398 in `select`
#
# leaks:
#   main: resource_tracker: There appear to be 51 leaked semaphore objects to clean up at shutdown: {'/mp-ns8xo4oz', '/mp-xb_6q_qg', '/mp-y5o9_iw2', '/mp-op8rmq5j', '/mp-xbdt79us', '/mp-dktgir9u', '/mp-b34sf4sn', '/mp-khxoftyo', '/mp-g61_01xl', '/mp-3yastpg1', '/mp-47gp4ixu', '/mp-pmj_y9v7', '/mp-0k1ccl1w', '
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-12_3.13.15_mpire.py

# mpconform scenario: explainer-pool-start-method-queue-starmap
# target mpire; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-queue-starmap","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-starmap","ctx":"spawn","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
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
    ctx_spawn = mp.get_context('spawn')
    with functools.partial(MpcMpirePool, ctx_spawn)(2) as pool1:
        note('w1.result', pool1.starmap(work_1, [(o0,), (o0,)]))
