# mpconform repro — verdict: fail
# case:        cross-context-semlock-0@3.11.2/loky
# family:      cross-context-semlock
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
# shrunk:      minimal counterexample after 6 shrink steps (2 runs)
#
# per process: expected  [rules]  ->  observed
#   main: broken-process-pool  [executor.worker-death-broken]  ->  exception:NameError  (NameError: name 'I1_o0' is not defined)
#   pool: ok | signal:SIGSEGV | signal:SIGTERM  [semlock.fork-context-crash-linux, worker.exitcode-signal]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/cross-context-semlock-0_3.11.2_loky.py

# mpconform scenario: (unnamed)
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Lock","ctx":"fork"},{"op":"start","at":"main","id":1,"worker":"executor-submit","ctx":"spawn","pass":[{"obj":0,"via":"initargs"}],"action":"use","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
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
    ctx_fork = loky_context.get_context('fork')
    o0 = ctx_fork.Lock()
    ctx_spawn = loky_context.get_context('spawn')
    with loky.ProcessPoolExecutor(max_workers=2, context=ctx_spawn, initializer=init_1, initargs=(o0,)) as ex1:
        note('w1.result', ex1.submit(work_1).result())
