# mpconform repro — verdict: fail
# case:        defaults-0@3.11.2/loky
# family:      defaults
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
# shrunk:      minimal counterexample after 4 shrink steps (0 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok  []  ->  ok
#   resource-tracker: absent  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/defaults-0_3.11.2_loky.py

# mpconform scenario: (unnamed)
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"executor-submit","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', loky_context.get_start_method())
    return 1

if __name__ == '__main__':
    with loky.ProcessPoolExecutor(max_workers=2) as ex0:
        note('w0.result', ex0.submit(work_0).result())
