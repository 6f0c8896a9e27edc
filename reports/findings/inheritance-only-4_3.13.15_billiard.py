# mpconform repro — verdict: flaky (failure rate 50%)
# case:        inheritance-only-4@3.13.15/billiard
# family:      inheritance-only
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok + exception:SystemExit
#   resource-tracker: absent  []  ->  absent
#
# reason: disagreed in 1 of 2 runs
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/inheritance-only-4_3.13.15_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Condition","ctx":"fork"},{"op":"start","at":"main","id":1,"worker":"pool-map","ctx":"fork","pass":[{"obj":0,"via":"initargs"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(_task):
    with I1_o0:
        I1_o0.notify_all()
    return 1

def init_1(o0):
    global I1_o0
    I1_o0 = o0

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    o0 = ctx_fork.Condition()
    with ctx_fork.Pool(2, initializer=init_1, initargs=(o0,)) as pool1:
        note('w1.result', pool1.map(work_1, [0, 0]))
