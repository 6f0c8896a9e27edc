# bpo-39104 and gh-94440: executor.map with two unpicklable call items can hang in shutdown before 3.10.11/3.11.3 (3.9.18: 7 of 150 loaded runs hung in _ExecutorManagerThread.run's wait; 3.10.13, 3.12.1, 3.13.0: 0 of 120)
import multiprocessing as mp, concurrent.futures
def work(o):
    return 1
if __name__ == '__main__':
    v = mp.Value('i', 0)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        try:
            list(ex.map(work, [v, v]))
        except RuntimeError as e:
            print('err', str(e)[:40])
