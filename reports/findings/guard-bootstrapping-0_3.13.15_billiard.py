# mpconform repro — verdict: flaky (failure rate 50%)
# case:        guard-bootstrapping-0@3.13.15/billiard
# family:      guard-bootstrapping
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
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/guard-bootstrapping-0_3.13.15_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"get-start-method","at":"top","allowNone":false},{"op":"start","at":"main","id":0,"worker":"pool-apply_async","ctx":"fork","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

note('s0.method', mp.get_start_method())

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    with ctx_fork.Pool(2) as pool0:
        note('w0.result', pool0.apply_async(work_0, ()).get())
