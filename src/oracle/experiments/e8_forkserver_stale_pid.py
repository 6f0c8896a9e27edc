# Main launches the forkserver (w1), then a fork child (w2) starts a forkserver grandchild:
# the fork child inherited ForkServer._forkserver_pid, so ensure_running() waitpid()s a process that is not its child.
import multiprocessing as mp
def work_1():
    pass
def grand_2():
    print('@note w2.g.method', mp.get_start_method())
def work_2():
    g = mp.get_context('forkserver').Process(target=grand_2, name='w2.g'); g.start(); g.join()
    print('@note w2.g.exitcode', g.exitcode)
if __name__ == '__main__':
    p = mp.get_context('forkserver').Process(target=work_1, name='w1'); p.start(); p.join()
    p = mp.get_context('fork').Process(target=work_2, name='w2'); p.start(); p.join()
    print('@note w2.exitcode', p.exitcode)
