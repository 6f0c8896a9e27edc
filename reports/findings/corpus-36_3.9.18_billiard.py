# mpconform repro — verdict: fail
# case:        corpus-36@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: signal:SIGKILL  [worker.exitcode-signal]  ->  main-attribute-missing  (AttributeError: Can't get attribute 'work_1' on <module '__main__' (built-in)>)
#   resource-tracker: ok  [tracker.launch, tracker.leak-warn, spawn.rerun-finalizers-cleared]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-36_3.9.18_billiard.py

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
