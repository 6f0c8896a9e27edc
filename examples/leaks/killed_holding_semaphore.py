"""A worker killed while it holds a semaphore it created: nothing of it runs its cleanup, the tracker does."""
import multiprocessing as mp
import os
import signal
import time


def worker(ready):
    lock = mp.get_context('spawn').Lock()  # a named POSIX semaphore, registered with the tracker
    lock.acquire()
    ready.put('held')
    time.sleep(60)


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    ready = ctx.Queue()
    p = ctx.Process(target=worker, args=(ready,), name='w1')
    p.start()
    ready.get()
    os.kill(p.pid, signal.SIGKILL)
    p.join()
