# mpconform repro — verdict: fail
# case:        corpus-20@3.11.2/loky
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: hang | inheritance-only  [pickle.inheritance-only, executor.task-error-to-caller, executor.cancelled-pending-no-wakeup]  ->  pickling-error  (PicklingError: Could not pickle the task to send it to the workers.)
#   pool: hang | ok  [harness.hang-kill]  ->  ok
#   resource-tracker: absent  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-20_3.11.2_loky.py

# mpconform scenario: value-as-executor-map-task-arg
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"value-as-executor-map-task-arg","steps":[{"op":"create","at":"main","id":0,"kind":"Value","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"executor-map","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    with o0.get_lock():
        o0.value += 1
    return 1

if __name__ == '__main__':
    o0 = loky_context.get_context().Value('i', 0)
    with loky.ProcessPoolExecutor(max_workers=2) as ex1:
        note('w1.result', list(ex1.map(work_1, [o0, o0])))
