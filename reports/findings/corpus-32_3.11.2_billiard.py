# mpconform repro — verdict: fail
# case:        corpus-32@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  ok
#   w1: exception:ChildProcessError  [forkserver.stale-pid]  ->  ok
#   w1.g: absent  []  ->  ok
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-32_3.11.2_billiard.py

# mpconform scenario: forkserver-stale-pid
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"forkserver-stale-pid","steps":[{"op":"start","at":"main","id":0,"worker":"process","ctx":"forkserver","pass":[],"action":"use","target":"function","grandchild":null},{"op":"start","at":"main","id":1,"worker":"process","ctx":"fork","pass":[],"action":"report-method","target":"function","grandchild":"forkserver"}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    return 1

def work_1():
    note('w1.method', mp.get_start_method())
    g = mp.get_context('forkserver').Process(target=grand_1, name='w1.g')
    g.start()
    g.join()
    note('w1.g.exitcode', g.exitcode)
    return 1

def grand_1():
    note('w1.g.method', mp.get_start_method())

if __name__ == '__main__':
    ctx_forkserver = mp.get_context('forkserver')
    p0 = ctx_forkserver.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
    ctx_fork = mp.get_context('fork')
    p1 = ctx_fork.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)
