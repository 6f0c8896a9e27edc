# spawn.no-main-path-mid-rerun: the w0.g started by a fork child made during a re-run gets main-attribute-missing (all versions)
# mpconform scenario: fork-child-mid-rerun
# target multiprocessing; rendered per src/render/SEMANTICS.md
import multiprocessing as mp

def work_0():
    print('@note w0.method', mp.get_start_method(), flush=True)
    g = mp.get_context('spawn').Process(target=grand_0, name='w0.g')
    g.start()
    g.join()
    print('@note w0.g.exitcode', g.exitcode, flush=True)
    return 1

def grand_0():
    print('@note w0.g.method', mp.get_start_method(), flush=True)

def work_1():
    print('@note w1.method', mp.get_start_method(), flush=True)
    return 1

ctx_fork = mp.get_context('fork')
p0 = ctx_fork.Process(target=work_0, args=(), name='w0')
p0.start()
p0.join()
print('@note w0.exitcode', p0.exitcode, flush=True)

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    p1 = ctx_spawn.Process(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    print('@note w1.exitcode', p1.exitcode, flush=True)
