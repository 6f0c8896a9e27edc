# mpconform repro — verdict: fail
# case:        corpus-50@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: exception:AssertionError  [pool.daemonic-no-children, pool.task-error-to-caller]  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit + ok
#   resource-tracker: absent  []  ->  absent
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-50_3.11.2_billiard.py

# mpconform scenario: pool-inside-pool-worker
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"pool-inside-pool-worker","steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"default","pass":[],"action":"nested-pool","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    with mp.Pool(1) as nested:
        note('w0.nested', nested.map(abs, [1]))
    return 1

if __name__ == '__main__':
    with mp.Pool(2) as pool0:
        note('w0.result', pool0.map(work_0, [0, 0]))
