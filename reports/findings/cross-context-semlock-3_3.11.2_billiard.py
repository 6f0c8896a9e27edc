# mpconform repro — verdict: fail
# case:        cross-context-semlock-3@3.11.2/billiard
# family:      cross-context-semlock
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 5 shrink steps (3 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: signal:SIGSEGV  [semlock.fork-context-crash-linux, worker.exitcode-signal]  ->  exception:SystemExit
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/cross-context-semlock-3_3.11.2_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Lock","ctx":"fork"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"forkserver","pass":[{"obj":0,"via":"process-arg"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
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
    ctx_forkserver = mp.get_context('forkserver')
    p1 = ctx_forkserver.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
