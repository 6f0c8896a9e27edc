# mpconform repro — verdict: fail
# case:        corpus-12@3.11.2/billiard
# family:      corpus
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      billiard
# seed:        5   run: s5
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker pid 21142: (no expectation)  []  ->  hang
#
# run it: /usr/bin/python3 repro/corpus-12_3.11.2_billiard.py

# mpconform scenario: explainer-pool-start-method-queue-starmap
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-queue-starmap","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-starmap","ctx":"spawn","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    o0 = mp.Queue()
    ctx_spawn = mp.get_context('spawn')
    with ctx_spawn.Pool(2) as pool1:
        print('@note w1.result', pool1.starmap(work_1, [(o0,), (o0,)]), flush=True)
