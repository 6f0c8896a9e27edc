# ctx_spawn.Process started while the default context is unset: get_preparation_data() fixes it in the parent
# and prepare() forces that (platform default) method in the child.
import multiprocessing as mp
def work_1():
    print('@note w1.method', mp.get_start_method())
if __name__ == '__main__':
    print('@note s0.method', mp.get_start_method(allow_none=True))
    p = mp.get_context('spawn').Process(target=work_1, name='w1'); p.start(); p.join()
    print('@note s2.method', mp.get_start_method(allow_none=True))
