# mpconform repro — verdict: fail
# case:        corpus-13@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-13_3.11.2_billiard.py

# mpconform scenario: explainer-pool-start-method-map
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-map","steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    with ctx_spawn.Pool(2) as pool0:
        note('w0.result', pool0.map(work_0, [0, 0]))
