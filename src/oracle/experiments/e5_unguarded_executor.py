import multiprocessing as mp, concurrent.futures
mp.set_start_method('spawn', force=True)
def work_1():
    return 1
with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
    print('@note w1.result', ex.submit(work_1).result())
