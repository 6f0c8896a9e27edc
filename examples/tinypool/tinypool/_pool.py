"""tinypool's Pool: multiprocessing's Pool on a chosen context, with a default size of 2."""
import multiprocessing as _mp


class Pool:
    """A process pool: ``Pool(processes=2, initializer=None, initargs=(), context=None)``.

    ``map``, ``starmap`` and ``apply_async`` behave as multiprocessing.pool.Pool's.
    """

    def __init__(self, processes=2, initializer=None, initargs=(), context=None):
        ctx = context if context is not None else _mp.get_context()
        self._pool = ctx.Pool(processes, initializer, initargs)

    def map(self, func, iterable, chunksize=None):
        return self._pool.map(func, iterable, chunksize)

    def starmap(self, func, iterable, chunksize=None):
        return self._pool.starmap(func, iterable, chunksize)

    def apply_async(self, func, args=(), kwds=None):
        return self._pool.apply_async(func, args, kwds or {})

    def close(self):
        self._pool.close()

    def join(self):
        self._pool.join()

    def terminate(self):
        self._pool.terminate()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._pool.terminate()
        return False
