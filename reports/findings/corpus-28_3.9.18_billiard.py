# mpconform repro — verdict: fail
# case:        corpus-28@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  [ctx.freeze-support-noop]  ->  ok
#   w0: ok  []  ->  main-attribute-missing  (AttributeError: Can't get attribute 'work_0' on <module '__main__' (built-in)>)
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-28_3.9.18_billiard.py

# mpconform scenario: docs-freeze-support-then-set-spawn
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"docs-freeze-support-then-set-spawn","steps":[{"op":"freeze-support","at":"main"},{"op":"set-start-method","at":"main","method":"spawn","force":false},{"op":"start","at":"main","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    mp.freeze_support()
    mp.set_start_method('spawn')
    p0 = mp.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
