# mpconform repro — verdict: fail
# case:        corpus-36@3.13.15/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: signal:SIGKILL  [worker.exitcode-signal]  ->  signal:SIGKILL
#   resource-tracker: exception:SystemExit  [tracker.launch, tracker.leak-exit]  ->  ok
#
# leaks:
#   w1: semaphore_tracker: There appear to be 1 leaked semaphores to clean up at shutdown
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-36_3.13.15_billiard.py

# mpconform scenario: spawn-child-killed-with-its-semaphore
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"spawn-child-killed-with-its-semaphore","steps":[{"op":"create","at":"top","id":0,"kind":"Lock","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[],"action":"die","target":"function","grandchild":null}]}
import billiard as mp
import sys
import os
import signal

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1():
    os.kill(os.getpid(), signal.SIGKILL)

ctx_spawn = mp.get_context('spawn')
o0 = ctx_spawn.Lock()

if __name__ == '__main__':
    p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
