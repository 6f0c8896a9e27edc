# mpconform repro — verdict: flaky (failure rate 50%)
# case:        corpus-11@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
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
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-11_3.11.2_billiard.py

# mpconform scenario: explainer-pool-map-global
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-map-global","steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"default","pass":[],"action":"read-global","target":"function","grandchild":null}]}
import billiard as mp
import sys

G = 'initial'

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    note('w0.global', G)
    return 1

if __name__ == '__main__':
    with mp.Pool(2) as pool0:
        note('w0.result', pool0.map(work_0, [0, 0]))
