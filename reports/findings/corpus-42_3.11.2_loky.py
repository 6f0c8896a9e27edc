# mpconform repro — verdict: fail
# case:        corpus-42@3.11.2/loky
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      loky
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: broken-process-pool  [executor.worker-death-broken]  ->  broken-process-pool  (TerminatedWorkerError: A worker process managed by the executor was unexpectedly terminated. This could be caused by a segmentation fault while calling the function or by an excessive memory usage causing the Operating System to kill the worker.\u000a\u000aThe exit codes of the workers are {SIGKILL(-9)}\u000aDetailed tracebacks of the workers should have been printed to stderr in the executor process if faulthandler was not disabled.)
#   pool: ok | signal:SIGKILL | signal:SIGTERM  [worker.exitcode-signal]  ->  signal:SIGKILL
#   resource-tracker: absent  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-42_3.11.2_loky.py

# mpconform scenario: executor-worker-killed
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"executor-worker-killed","steps":[{"op":"start","at":"main","id":0,"worker":"executor-submit","ctx":"default","pass":[],"action":"die","target":"function","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context
import sys
import os
import signal

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == '__main__':
    with loky.ProcessPoolExecutor(max_workers=2) as ex0:
        note('w0.result', ex0.submit(work_0).result())
