# mpconform repro — verdict: fail
# case:        corpus-34@3.11.2/loky
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: context-already-set  [ctx.already-set, executor.default-context]  ->  ok
#   pool: ok  []  ->  ok
#   resource-tracker: absent  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-34_3.11.2_loky.py

# mpconform scenario: executor-fixes-default-context
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"executor-fixes-default-context","steps":[{"op":"start","at":"main","id":0,"worker":"executor-submit","ctx":"default","pass":[],"action":"use","target":"function","grandchild":null},{"op":"set-start-method","at":"main","method":"spawn","force":false}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    return 1

if __name__ == '__main__':
    with loky.ProcessPoolExecutor(max_workers=2) as ex0:
        note('w0.result', ex0.submit(work_0).result())
    loky_context.set_start_method('spawn')
