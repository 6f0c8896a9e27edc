# A fork-context Value reaches spawn pool workers through initargs; the task uses it.
# Predicted: 3.11.5+/3.12+ main semlock-fork-context at Pool(); before: worker SIGSEGV, main hangs.
import multiprocessing as mp
def init_1(o0):
    global I1_o0
    I1_o0 = o0
def work_1(x):
    with I1_o0.get_lock():
        I1_o0.value += 1
    return 1
if __name__ == '__main__':
    o0 = mp.get_context('fork').Value('i', 0)
    with mp.get_context('spawn').Pool(2, initializer=init_1, initargs=(o0,)) as pool1:
        print('@note w1.result', pool1.map(work_1, [0, 0]))
