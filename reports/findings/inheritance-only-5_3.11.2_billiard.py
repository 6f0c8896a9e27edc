# mpconform repro — verdict: fail
# case:        inheritance-only-5@3.11.2/billiard
# family:      inheritance-only
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 4 shrink steps (6 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit + ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/inheritance-only-5_3.11.2_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"spawn","pass":[{"obj":0,"via":"initargs"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1():
    I1_o0.put(1)
    return 1

def init_1(o0):
    global I1_o0
    I1_o0 = o0

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    o0 = ctx_spawn.Queue()
    with ctx_spawn.Pool(2, initializer=init_1, initargs=(o0,)) as pool1:
        note('w1.result', pool1.apply_async(work_1, ()).get())
