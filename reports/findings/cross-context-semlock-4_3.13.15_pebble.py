# mpconform repro — verdict: fail
# case:        cross-context-semlock-4@3.13.15/pebble
# family:      cross-context-semlock
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      pebble
# seed:        12   run: s12
# shrunk:      minimal counterexample after 7 shrink steps (4 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit
#   resource-tracker: absent  []  ->  absent
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/cross-context-semlock-4_3.13.15_pebble.py

# mpconform scenario: (unnamed)
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Lock","ctx":"fork"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"default","pass":[{"obj":0,"via":"initargs"}],"action":"use","target":"function","grandchild":null}]}
import functools
import multiprocessing as mp
import pebble
from pebble import concurrent as pebble_concurrent


class MpcPebblePool(object):
    # mpconform adapter: Pool calls made with pebble.ProcessPool (schedule / map futures)
    def __init__(self, context, workers, initializer=None, initargs=()):
        self.pool = pebble.ProcessPool(max_workers=workers, initializer=initializer,
                                       initargs=initargs, context=context)

    def __enter__(self):
        self.pool.__enter__()
        return self

    def __exit__(self, *exc):
        return self.pool.__exit__(*exc)

    def map(self, fn, items):
        return list(self.pool.map(fn, items).result())

    def starmap(self, fn, items):
        return [self.pool.schedule(fn, args=args).result() for args in items]

    def apply_async(self, fn, args):
        return MpcPebbleResult(self.pool.schedule(fn, args=args))


class MpcPebbleResult(object):
    # mpconform adapter: AsyncResult.get() over a pebble ProcessFuture
    def __init__(self, future):
        self.get = future.result


class MpcPebbleProcess(object):
    # mpconform adapter: Process(target, args, name) run by @pebble.concurrent.process.
    # pebble returns the child's exception through the future (the child itself exits 0);
    # it is noted as <name>.pebble-error so reports show it.
    def __init__(self, context, target=None, args=(), name=None):
        self.call = pebble_concurrent.process(name=name, daemon=False, context=context)(target)
        self.args = args
        self.name = name
        self.future = None

    def start(self):
        self.future = self.call(*self.args)

    def join(self):
        error = self.future.exception()
        if error is not None:
            note(str(self.name) + '.pebble-error', type(error).__name__)

    @property
    def exitcode(self):
        if self.future is None or not self.future.done():
            return None
        error = self.future.exception()
        code = getattr(error, 'exitcode', None)
        return code if isinstance(code, int) else 0
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1():
    with I1_o0:
        pass
    return 1

def init_1(o0):
    global I1_o0
    I1_o0 = o0

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    o0 = ctx_fork.Lock()
    with functools.partial(MpcPebblePool, mp)(2, initializer=init_1, initargs=(o0,)) as pool1:
        note('w1.result', pool1.apply_async(work_1, ()).get())
