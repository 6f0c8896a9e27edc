# Lock made in a fork context, passed to a spawn child which uses it.
import multiprocessing as mp
def work_1(o):
    with o:
        pass
    print('used', flush=True)
if __name__ == '__main__':
    o = mp.get_context('fork').Lock()
    try:
        p = mp.get_context('spawn').Process(target=work_1, args=(o,), name='w1'); p.start(); p.join()
        print('@note w1.exitcode', p.exitcode)
    except RuntimeError as e:
        print('main RuntimeError', str(e)[:40])
