# Top-level set_start_method('forkserver') without force, guard starts a forkserver child.
# Expect: main ok; child re-runs top level with context already forced by prepare() -> context-already-set (exit 1);
# forkserver process does not preload __main__ (gh-126631), so 'top' is printed once by main and once per child.
import multiprocessing as mp
print('@top', mp.current_process().name, flush=True)
mp.set_start_method('forkserver')
def work_1():
    print('@note w1.method', mp.get_start_method())
if __name__ == '__main__':
    p = mp.Process(target=work_1, name='w1'); p.start(); p.join()
    print('@note w1.exitcode', p.exitcode)
