import multiprocessing as mp, concurrent.futures, sys
if __name__ == '__main__':
    def work_1(x):
        return 1
    ctx = mp.get_context('spawn')
    if sys.argv[1] == 'pool':
        with ctx.Pool(2) as pool: print(pool.map(work_1, [0, 0]))
    else:
        with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex: print(ex.submit(work_1, 0).result())
