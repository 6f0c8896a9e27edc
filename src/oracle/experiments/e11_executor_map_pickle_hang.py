# bpo-39104: before 3.9 executor.map with two unpicklable call items can hang in shutdown (run.sh: 3.7/3.8 hang some runs, 3.9+ never)
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
