# mpconform repro — verdict: fail
# case:        general-3@3.10.13/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/cpython-3.10.13-pyenv/bin/python (cpython 3.10.13, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 6 shrink steps (6 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: bootstrapping-error  [spawn.bootstrapping, spawn.rerun-main]  ->  bootstrapping-error  (RuntimeError: \u000a        An attempt has been made to start a new process before the\u000a        current process has finished its bootstrapping phase.\u000a\u000a        This probably means that you are not using fork to start your\u000a        child processes and you have forgotten to use the proper idiom\u000a        in the main module:\u000a\u000a            if __name__ == '__main__':\u000a                freeze_support()\u000a                ...\u000a\u000a        The "freeze_support()" line can be omitted if the program\u000a        is not going to be frozen to produce an executable.)
#   forkserver: ok  [forkserver.no-preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.10.13-pyenv/bin/python repro/general-3_3.10.13_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"top","id":0,"worker":"process","ctx":"forkserver","pass":[],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    return 1

ctx_forkserver = mp.get_context('forkserver')
p0 = ctx_forkserver.Process(target=work_0, args=(), name='w0')
p0.start()
p0.join()
note('w0.exitcode', p0.exitcode)
