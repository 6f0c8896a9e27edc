# mpconform repro — verdict: fail
# case:        corpus-48@3.13.15/multiprocess
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      multiprocess
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  ok
#   forkserver: ok  [forkserver.preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-48_3.13.15_multiprocess.py

# mpconform scenario: argv-in-preloading-forkserver
# target multiprocess; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"argv-in-preloading-forkserver","steps":[{"op":"report-argv","at":"top"},{"op":"start","at":"main","id":0,"worker":"process","ctx":"forkserver","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import multiprocess as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    sys.argv.append('mpconform')
else:
    note('s0.argv', 'extra' if len(sys.argv) > 1 else 'none')

if __name__ == '__main__':
    ctx_forkserver = mp.get_context('forkserver')
    p0 = ctx_forkserver.Process(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
