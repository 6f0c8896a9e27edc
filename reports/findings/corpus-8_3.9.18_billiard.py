# mpconform repro — verdict: fail
# case:        corpus-8@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: context-already-set  [ctx.already-set, spawn.prepare-forces-method, spawn.rerun-main]  ->  main-attribute-missing  (AttributeError: Can't get attribute 'work_0' on <module '__main__' (built-in)>)
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-8_3.9.18_billiard.py

# mpconform scenario: tutorial-module-level-set-spawn
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"tutorial-module-level-set-spawn","steps":[{"op":"set-start-method","at":"top","method":"spawn","force":false},{"op":"get-start-method","at":"main","allowNone":false},{"op":"start","at":"main","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

mp.set_start_method('spawn')

if __name__ == '__main__':
    note('s1.method', mp.get_start_method())
    p0 = mp.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
