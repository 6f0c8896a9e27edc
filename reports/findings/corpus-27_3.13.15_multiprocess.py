# mpconform repro — verdict: fail
# case:        corpus-27@3.13.15/multiprocess
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      multiprocess
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  [ctx.preparation-allow-none]  ->  context-already-set  (RuntimeError: context has already been set)
#   w0: ok  []  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-27_3.13.15_multiprocess.py

# mpconform scenario: spawn-process-then-set-start-method
# target multiprocess; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"spawn-process-then-set-start-method","steps":[{"op":"start","at":"main","id":0,"worker":"process","ctx":"spawn","pass":[],"action":"use","target":"function","grandchild":null},{"op":"set-start-method","at":"main","method":"fork","force":false}]}
import multiprocess as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    p0 = ctx_spawn.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
    mp.set_start_method('fork')
