# mpconform repro — verdict: fail
# case:        corpus-39@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: ok  []  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# leaks:
#   resource-tracker: semaphore_tracker: There appear to be 1 leaked semaphores to clean up at shutdown
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-39_3.11.2_billiard.py

# mpconform scenario: module-level-lock-in-spawn-child
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"module-level-lock-in-spawn-child","steps":[{"op":"create","at":"top","id":0,"kind":"Lock","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1():
    note('w1.method', mp.get_start_method())
    return 1

ctx_spawn = mp.get_context('spawn')
o0 = ctx_spawn.Lock()

if __name__ == '__main__':
    p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
