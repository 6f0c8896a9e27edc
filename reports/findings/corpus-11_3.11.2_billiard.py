# mpconform repro — verdict: fail
# case:        corpus-11@3.11.2/billiard
# family:      corpus
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      billiard
# seed:        5   run: s5
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok + exception:SystemExit
#
# run it: /usr/bin/python3 repro/corpus-11_3.11.2_billiard.py

# mpconform scenario: explainer-pool-map-global
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-map-global","steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"default","pass":[],"action":"read-global","target":"function","grandchild":null}]}
import billiard as mp

G = 'initial'

def work_0(_task):
    print('@note w0.global', G, flush=True)
    return 1

if __name__ == '__main__':
    with mp.Pool(2) as pool0:
        print('@note w0.result', pool0.map(work_0, [0, 0]), flush=True)
