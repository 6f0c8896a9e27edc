# mpconform repro — verdict: fail
# case:        corpus-28@3.13.15/multiprocess
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      multiprocess
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  [ctx.freeze-support-noop]  ->  context-already-set  (RuntimeError: context has already been set)
#   w0: ok  []  ->  absent
#   resource-tracker: ok  [tracker.launch]  ->  absent
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-28_3.13.15_multiprocess.py

# mpconform scenario: docs-freeze-support-then-set-spawn
# target multiprocess; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"docs-freeze-support-then-set-spawn","steps":[{"op":"freeze-support","at":"main"},{"op":"set-start-method","at":"main","method":"spawn","force":false},{"op":"start","at":"main","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import multiprocess as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    mp.freeze_support()
    mp.set_start_method('spawn')
    p0 = mp.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
