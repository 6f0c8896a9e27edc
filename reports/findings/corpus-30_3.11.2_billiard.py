# mpconform repro — verdict: fail
# case:        corpus-30@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: context-already-set  [ctx.already-set, spawn.prepare-forces-method, spawn.rerun-main]  ->  context-already-set  (RuntimeError: context has already been set)
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-30_3.11.2_billiard.py

# mpconform scenario: forkserver-top-level-set-start-method
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"forkserver-top-level-set-start-method","steps":[{"op":"set-start-method","at":"top","method":"forkserver","force":false},{"op":"start","at":"main","id":0,"worker":"process","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

mp.set_start_method('forkserver')

if __name__ == '__main__':
    p0 = mp.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
