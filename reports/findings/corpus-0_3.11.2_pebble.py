# mpconform repro — verdict: fail
# case:        corpus-0@3.11.2/pebble
# family:      corpus
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      pebble
# seed:        5   run: s5
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: ok  []  ->  signal:SIGTERM
#   resource-tracker pid 20542: (no expectation)  []  ->  ok
#
# run it: /usr/bin/python3 repro/corpus-0_3.11.2_pebble.py

# mpconform scenario: docs-get-context-spawn-queue
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"docs-get-context-spawn-queue","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[{"obj":0,"via":"process-arg"}],"action":"use","target":"function","grandchild":null}]}
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
            print('@note ' + str(self.name) + '.pebble-error', type(error).__name__, flush=True)

    @property
    def exitcode(self):
        if self.future is None or not self.future.done():
            return None
        error = self.future.exception()
        code = getattr(error, 'exitcode', None)
        return code if isinstance(code, int) else 0

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    o0 = ctx_spawn.Queue()
    p1 = functools.partial(MpcPebbleProcess, ctx_spawn)(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode, flush=True)
