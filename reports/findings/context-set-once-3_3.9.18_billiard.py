# mpconform repro — verdict: fail
# case:        context-set-once-3@3.9.18/billiard
# family:      context-set-once
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 3 shrink steps (3 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  main-attribute-missing  (AttributeError: Can't get attribute 'work_0' on <module '__main__' (built-in)>)
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/context-set-once-3_3.9.18_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"set-start-method","at":"main","method":"forkserver","force":false},{"op":"start","at":"main","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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
    mp.set_start_method('forkserver')
    p0 = mp.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
