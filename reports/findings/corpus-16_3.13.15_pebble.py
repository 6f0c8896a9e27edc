# mpconform repro — verdict: fail
# case:        corpus-16@3.13.15/pebble
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      pebble
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: exception:ZeroDivisionError | hang  [pool.map-empty-pool-race, pool.worker-death-hang]  ->  broken-process-pool  (BrokenProcessPool: All workers expired)
#   pool: bootstrapping-error | hang | ok | signal:SIGTERM  [spawn.bootstrapping, spawn.rerun-main, pool.map-empty-pool-race, pool.terminate-on-exit, harness.hang-kill]  ->  bootstrapping-error + ok  (RuntimeError: \u000a        An attempt has been made to start a new process before the\u000a        current process has finished its bootstrapping phase.\u000a\u000a        This probably means that you are not using fork to start your\u000a        child processes and you have forgotten to use the proper idiom\u000a        in the main module:\u000a\u000a            if __name__ == '__main__':\u000a                freeze_support()\u000a                ...\u000a\u000a        The "freeze_support()" line can be omitted if the program\u000a        is not going to be frozen to produce an executable.\u000a\u000a        To fix this issue, refer to the "Safe importing of main module"\u000a        section in https://docs.python.org/3/library/multiprocessing.html\u000a        )
#   resource-tracker: exception:SystemExit | hang | ok  [tracker.launch, tracker.hang-kill]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-16_3.13.15_pebble.py

# mpconform scenario: unguarded-spawn-pool
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"unguarded-spawn-pool","steps":[{"op":"start","at":"top","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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

def work_0(_task):
    note('w0.method', mp.get_start_method())
    return 1

ctx_spawn = mp.get_context('spawn')
with functools.partial(MpcPebblePool, ctx_spawn)(2) as pool0:
    note('w0.result', pool0.map(work_0, [0, 0]))
