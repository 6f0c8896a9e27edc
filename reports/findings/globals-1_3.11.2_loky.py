# mpconform repro — verdict: fail
# case:        globals-1@3.11.2/loky
# family:      globals
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
# shrunk:      minimal counterexample after 2 shrink steps (0 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok  []  ->  ok
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/globals-1_3.11.2_loky.py

# mpconform scenario: (unnamed)
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"set-global","at":"main"},{"op":"start","at":"main","id":0,"worker":"executor-submit","ctx":"forkserver","pass":[],"action":"read-global","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys

G = 'initial'

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.global', G)
    return 1

if __name__ == '__main__':
    G = 'changed'
    ctx_forkserver = loky_context.get_context('forkserver')
    with loky.ProcessPoolExecutor(max_workers=2, context=ctx_forkserver) as ex0:
        note('w0.result', ex0.submit(work_0).result())
