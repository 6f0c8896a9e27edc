import multiprocessing as mp, concurrent.futures, sys
def work_1(o):
    return 1
if __name__ == '__main__':
    kind = sys.argv[1]
    o = mp.Lock()
    try:
        if kind == 'map':
            with mp.Pool(2) as pool: print(pool.map(work_1, [o, o]))
        elif kind == 'apply':
            with mp.Pool(2) as pool: print(pool.apply_async(work_1, (o,)).get())
        elif kind == 'submit':
            with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex: print(ex.submit(work_1, o).result())
        elif kind == 'exmap':
            with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex: print(list(ex.map(work_1, [o, o])))
    except BaseException as e:
        print('main', type(e).__name__, str(e)[:60]); raise
