# mpconform repro — verdict: fail
# case:        inheritance-only-3@3.13.15/loky
# family:      inheritance-only
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      loky
# seed:        12   run: s12
# shrunk:      minimal counterexample after 7 shrink steps (4 runs)
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, executor.task-error-to-caller]  ->  pickling-error  (PicklingError: Could not pickle the task to send it to the workers.)
#   pool: ok  []  ->  ok
#   resource-tracker: absent  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/inheritance-only-3_3.13.15_loky.py

# mpconform scenario: (unnamed)
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"executor-map","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    o0 = loky_context.get_context().Queue()
    with loky.ProcessPoolExecutor(max_workers=2) as ex1:
        note('w1.result', list(ex1.map(work_1, [o0, o0])))
