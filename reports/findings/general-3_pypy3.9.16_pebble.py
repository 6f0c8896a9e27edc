# mpconform repro — verdict: flaky (failure rate 50%)
# case:        general-3@pypy3.9.16/pebble
# family:      general
# interpreter: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python (pypy 3.9.16, linux)
# target:      pebble
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  exception:SystemExit
#   w1: bootstrapping-error  [spawn.bootstrapping, spawn.rerun-main]  ->  bootstrapping-error  (RuntimeError: \u000a        An attempt has been made to start a new process before the\u000a        current process has finished its bootstrapping phase.\u000a\u000a        This probably means that you are not using fork to start your\u000a        child processes and you have forgotten to use the proper idiom\u000a        in the main module:\u000a\u000a            if __name__ == '__main__':\u000a                freeze_support()\u000a                ...\u000a\u000a        The "freeze_support()" line can be omitted if the program\u000a        is not going to be frozen to produce an executable.)
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# reason: disagreed in 1 of 2 runs
#
# run it: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python repro/general-3_pypy3.9.16_pebble.py

# mpconform scenario: (unnamed)
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"top","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null},{"op":"set-start-method","at":"top","method":"spawn","force":true},{"op":"start","at":"top","id":1,"worker":"process","ctx":"forkserver","pass":[],"action":"raise","target":"function","grandchild":null}]}
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

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

def work_1():
    raise ValueError('raised by worker 1')

p0 = functools.partial(MpcPebbleProcess, mp)(target=work_0, args=(), name='w0')
p0.start()
p0.join()
note('w0.exitcode', p0.exitcode)
mp.set_start_method('spawn', force=True)
ctx_forkserver = mp.get_context('forkserver')
p1 = functools.partial(MpcPebbleProcess, ctx_forkserver)(target=work_1, args=(), name='w1')
p1.start()
p1.join()
note('w1.exitcode', p1.exitcode)
