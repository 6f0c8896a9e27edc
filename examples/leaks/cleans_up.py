"""Cleans up after itself: a spawn Lock used by a child, a SharedMemory block closed and unlinked."""
import multiprocessing as mp
from multiprocessing import shared_memory


def worker(lock):
    with lock:
        pass


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    lock = ctx.Lock()
    p = ctx.Process(target=worker, args=(lock,), name='w1')
    p.start()
    p.join()
    block = shared_memory.SharedMemory(create=True, size=16)
    block.close()
    block.unlink()
