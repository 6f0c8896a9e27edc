# mpconform repro — verdict: fail
# case:        cross-context-semlock-3@3.11.2/multiprocess
# family:      cross-context-semlock
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      multiprocess
# seed:        12   run: s12
# shrunk:      minimal counterexample after 6 shrink steps (3 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  semlock-fork-context  (RuntimeError: A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported. Please use the same context to create multiprocess objects and Process.)
#   w1: signal:SIGSEGV  [semlock.fork-context-crash-linux, worker.exitcode-signal]  ->  absent
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/cross-context-semlock-3_3.11.2_multiprocess.py

# mpconform scenario: (unnamed)
# target multiprocess; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Lock","ctx":"fork"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[{"obj":0,"via":"process-arg"}],"action":"use","target":"function","grandchild":null}]}
import multiprocess as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    with o0:
        pass
    return 1

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    o0 = ctx_fork.Lock()
    ctx_spawn = mp.get_context('spawn')
    p1 = ctx_spawn.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
