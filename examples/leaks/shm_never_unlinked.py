"""Leaks a SharedMemory block: created, closed, never unlinked (the resource tracker cleans up and warns)."""
from multiprocessing import shared_memory

if __name__ == '__main__':
    block = shared_memory.SharedMemory(create=True, size=16)
    block.close()  # unlink() is never called
