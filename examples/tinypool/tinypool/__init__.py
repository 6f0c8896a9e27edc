"""tinypool: a tiny process pool on top of multiprocessing, with a reconfigurable start method.

    import tinypool
    tinypool.set_start_method('spawn')
    with tinypool.Pool(2) as pool:
        print(pool.map(abs, [-1, -2]))

Everything is multiprocessing's own, with one difference: ``set_start_method`` may be called again
to switch methods (applications that embed tinypool reconfigure it), so it never raises
"context has already been set". That is a deliberate departure from the standard library.
"""
import multiprocessing as _mp

from ._pool import Pool

__version__ = "0.1.0"
__all__ = [
    "Pool", "Process", "get_context", "get_start_method", "set_start_method",
    "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier",
    "Queue", "SimpleQueue", "JoinableQueue", "Value", "Array", "Pipe", "Manager", "freeze_support",
]


def set_start_method(method, force=False):
    """Set the start method; calling it again switches to the new method."""
    # departure: the standard library raises RuntimeError('context has already been set') on a
    # second call without force=True; tinypool always switches.
    _mp.set_start_method(method, force=True)


def get_start_method(allow_none=False):
    return _mp.get_start_method(allow_none=allow_none)


def get_context(method=None):
    return _mp.get_context(method)


Process = _mp.Process
Lock = _mp.Lock
RLock = _mp.RLock
Semaphore = _mp.Semaphore
BoundedSemaphore = _mp.BoundedSemaphore
Condition = _mp.Condition
Event = _mp.Event
Barrier = _mp.Barrier
Queue = _mp.Queue
SimpleQueue = _mp.SimpleQueue
JoinableQueue = _mp.JoinableQueue
Value = _mp.Value
Array = _mp.Array
Pipe = _mp.Pipe
Manager = _mp.Manager
freeze_support = _mp.freeze_support
