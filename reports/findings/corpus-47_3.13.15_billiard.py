# mpconform repro — verdict: fail
# case:        corpus-47@3.13.15/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: ok  []  ->  ok
#   forkserver: ok  [forkserver.preload-modules]  ->  ok
#   resource-tracker: exception:SystemExit  [tracker.launch, tracker.leak-exit, forkserver.rerun-finalizers-cleared]  ->  ok
#
# leaks:
#   resource-tracker: semaphore_tracker: There appear to be 1 leaked semaphores to clean up at shutdown
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-47_3.13.15_billiard.py

# mpconform scenario: module-level-lock-with-forkserver-preloading-nothing
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"module-level-lock-with-forkserver-preloading-nothing","steps":[{"op":"create","at":"top","id":0,"kind":"Lock","ctx":"forkserver"},{"op":"forkserver-preload","at":"main","modules":"none"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"forkserver","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1():
    note('w1.method', mp.get_start_method())
    return 1

ctx_forkserver = mp.get_context('forkserver')
o0 = ctx_forkserver.Lock()

if __name__ == '__main__':
    mp.set_forkserver_preload([])
    p1 = ctx_forkserver.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
