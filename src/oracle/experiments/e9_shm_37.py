import multiprocessing as mp
from multiprocessing import shared_memory
