# mpconform repro — verdict: fail
# case:        corpus-23@3.11.2/loky
# family:      corpus
# interpreter: /usr/bin/python3 (cpython 3.11.2, linux)
# target:      loky
# seed:        5   run: s5
#
# per process: expected  [rules]  ->  observed
#   main: unknown-context  [ctx.unknown]  ->  exception:ValueError  (ValueError: Unknown context 'nope'. Value should be in ['loky', 'loky_init_main', 'spawn', 'fork', 'forkserver'].)
#
# run it: /usr/bin/python3 repro/corpus-23_3.11.2_loky.py

# mpconform scenario: get-context-nope
# target loky; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"get-context-nope","steps":[{"op":"get-context-unknown","at":"main"}]}
from joblib.externals import loky
from joblib.externals.loky.backend import context as loky_context

if __name__ == '__main__':
    loky_context.get_context('nope')
