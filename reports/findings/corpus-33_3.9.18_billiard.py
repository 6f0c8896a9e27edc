# mpconform repro — verdict: fail
# case:        corpus-33@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: exception:EOFError  [manager.server-death-eof]  ->  ok
#   manager: bootstrapping-error  [spawn.bootstrapping, spawn.rerun-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-33_3.9.18_billiard.py

# mpconform scenario: unguarded-spawn-manager
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"unguarded-spawn-manager","steps":[{"op":"create","at":"top","id":0,"kind":"ManagerDict","ctx":"spawn"}]}
import billiard as mp

ctx_spawn = mp.get_context('spawn')
m0 = ctx_spawn.Manager()
o0 = m0.dict()
