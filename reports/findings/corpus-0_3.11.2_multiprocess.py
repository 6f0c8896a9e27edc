# mpconform repro — verdict: fail
# case:        corpus-0@3.11.2/multiprocess
# family:      corpus
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      multiprocess
# seed:        5   run: s5
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  exception:TypeError  (TypeError: fork_exec() takes exactly 23 arguments (21 given))
#   w1: ok  []  ->  absent
#
# run it: /usr/bin/python3 repro/corpus-0_3.11.2_multiprocess.py

# mpconform scenario: docs-get-context-spawn-queue
# target multiprocess; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"docs-get-context-spawn-queue","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[{"obj":0,"via":"process-arg"}],"action":"use","target":"function","grandchild":null}]}
import multiprocess as mp

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    o0 = ctx_spawn.Queue()
    p1 = ctx_spawn.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode, flush=True)
