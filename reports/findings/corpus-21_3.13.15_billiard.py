# mpconform repro — verdict: flaky (failure rate 50%)
# case:        corpus-21@3.13.15/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit + ok
#   manager: ok  [manager.process]  ->  ok
#   resource-tracker: absent  []  ->  absent
#
# reason: disagreed in 1 of 2 runs
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-21_3.13.15_billiard.py

# mpconform scenario: manager-proxy-to-pool
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"manager-proxy-to-pool","steps":[{"op":"create","at":"main","id":0,"kind":"ManagerQueue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    m0 = mp.Manager()
    o0 = m0.Queue()
    with mp.Pool(2) as pool1:
        note('w1.result', pool1.apply_async(work_1, (o0,)).get())
