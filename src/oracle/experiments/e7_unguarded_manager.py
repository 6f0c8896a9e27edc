import multiprocessing as mp
ctx = mp.get_context('spawn')
m = ctx.Manager()
d = m.dict()
print('made', flush=True)
