# mpconform repro — verdict: flaky (failure rate 50%)
# case:        corpus-17@3.13.15/loky
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      loky
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: broken-process-pool  [executor.worker-death-broken]  ->  broken-process-pool  (TerminatedWorkerError: A worker process managed by the executor was unexpectedly terminated. This could be caused by a segmentation fault while calling the function or by an excessive memory usage causing the Operating System to kill the worker.\u000a\u000aThe exit codes of the workers are {EXIT(1)}\u000aDetailed tracebacks of the workers should have been printed to stderr in the executor process if faulthandler was not disabled.)
#   pool: bootstrapping-error | ok | signal:SIGTERM  [spawn.bootstrapping, spawn.rerun-main]  ->  bootstrapping-error + signal:SIGKILL
#   resource-tracker: exception:SystemExit | ok  [tracker.launch, tracker.leak-exit]  ->  ok
#
# reason: disagreed in 1 of 2 runs
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-17_3.13.15_loky.py

# mpconform scenario: unguarded-spawn-executor
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"unguarded-spawn-executor","steps":[{"op":"start","at":"top","id":0,"worker":"executor-submit","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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

ctx_spawn = loky_context.get_context('spawn')
with loky.ProcessPoolExecutor(max_workers=2, context=ctx_spawn) as ex0:
    note('w0.result', ex0.submit(work_0).result())
