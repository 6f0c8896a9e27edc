# mpconform repro — verdict: fail
# case:        picklability-1@3.11.2/loky
# family:      picklability
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      loky
# seed:        5   run: s5
# shrunk:      minimal counterexample after 4 shrink steps (2 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, executor.task-error-to-caller]  ->  ok
#   pool: ok  []  ->  ok
#   resource-tracker pid 18913: (no expectation)  []  ->  ok
#   resource-tracker pid 18914: (no expectation)  []  ->  ok
#
# run it: /usr/bin/python3 repro/picklability-1_3.11.2_loky.py

# mpconform scenario: (unnamed)
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"executor-submit","ctx":"default","pass":[],"action":"report-method","target":"lambda","grandchild":null}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context

def work_0():
    print('@note w0.method', loky_context.get_start_method(), flush=True)
    return 1

if __name__ == '__main__':
    with loky.ProcessPoolExecutor(max_workers=2) as ex0:
        print('@note w0.result', ex0.submit(lambda *a: work_0(*a)).result(), flush=True)
