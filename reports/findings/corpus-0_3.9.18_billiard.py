# mpconform repro — verdict: fail
# case:        corpus-0@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w1: ok  [pickle.spawning-ok]  ->  main-attribute-missing  (AttributeError: Can't get attribute 'work_1' on <module '__main__' (built-in)>)
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-0_3.9.18_billiard.py

# mpconform scenario: docs-get-context-spawn-queue
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"docs-get-context-spawn-queue","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[{"obj":0,"via":"process-arg"}],"action":"use","target":"function","grandchild":null}]}
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
    ctx_spawn = mp.get_context('spawn')
    o0 = ctx_spawn.Queue()
    p1 = ctx_spawn.Process(target=work_1, args=(o0,), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
