# mpconform repro — verdict: fail
# case:        corpus-49@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  ok
#   w0.g: main-attribute-missing | ok  [spawn.no-main-path-mid-rerun]  ->  ok + main-attribute-missing  (AttributeError: Can't get attribute 'grand_0' on <module '__main__' (built-in)>)
#   w1: ok  []  ->  ok
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-49_3.11.2_billiard.py

# mpconform scenario: forkserver-launched-mid-rerun
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"forkserver-launched-mid-rerun","steps":[{"op":"start","at":"top","id":0,"worker":"process","ctx":"fork","pass":[],"action":"use","target":"function","grandchild":"forkserver"},{"op":"start","at":"main","id":1,"worker":"process","ctx":"spawn","pass":[],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    g = mp.get_context('forkserver').Process(target=grand_0, name='w0.g')
    g.start()
    g.join()
    note('w0.g.exitcode', g.exitcode)
    return 1

def grand_0():
    note('w0.g.method', mp.get_start_method())

def work_1():
    return 1

ctx_fork = mp.get_context('fork')
p0 = ctx_fork.Process(target=work_0, args=(), name='w0')
p0.start()
p0.join()
note('w0.exitcode', p0.exitcode)

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
