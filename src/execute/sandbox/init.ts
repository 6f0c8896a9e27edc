/**
 * The launcher a sandboxed tree starts with, run by the interpreter under test with `-E -s -S`
 * (no site, no sitecustomize, no PYTHON* variables: the probe is not loaded, nothing is recorded).
 *
 * `unshare --pid --mount --propagation private -- PY -E -s -S -c INIT INFO PROGRAM...` puts it
 * (the launcher, host pid = the process group the harness signals) in a new mount namespace;
 * its first child is pid 1 of a new pid namespace:
 *
 *   launcher (host pidns, new mount ns; ignores the signals the tree's group gets)
 *     └─ init (pid 1: mounts /proc and a private tmpfs on /dev/shm, then reaps every orphan)
 *          └─ the program (pid 2..: all signal dispositions and the mask back to the defaults)
 *
 * When the program exits, init tells the launcher how (pipe), and the launcher ends the same way
 * (same exit code, or killed by the same signal), so the harness sees exactly what it sees
 * without the sandbox. Init stays, reaping, until everything in the namespace has exited or the
 * harness kills the group (init gets SIGKILL with it): when pid 1 dies the kernel kills every
 * process left in the namespace, wherever it went (setsid, double fork, another process group),
 * and the tmpfs on /dev/shm disappears with the mount namespace.
 *
 * INFO is a file the launcher writes for the harness: `init <host pid of init>` as soon as it is
 * forked, `main <pid of the program inside the namespace>` once it runs, `error <text>` when the
 * namespace could not be set up (mounts). Python 3.7+ and PyPy compatible; no imports beyond os,
 * sys, signal (and resource, to drop the launcher's own core dump when it re-raises a signal).
 */
export const INIT_PY = String.raw`
import os, signal, sys

def _note(info, text):
    try:
        # the program's own directory: never follow a link it made, never block on a FIFO it made
        fd = os.open(info, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
        try:
            os.write(fd, (text + '\n').encode())
        finally:
            os.close(fd)
    except OSError:
        pass

def _run(argv):
    try:
        pid = os.fork()
        if pid == 0:
            os.execvp(argv[0], argv)
        _, status = os.waitpid(pid, 0)
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    except BaseException:
        os._exit(126)

def _send(w, text):
    # the launcher may be gone: init goes on reaping, whatever happens to the pipe
    try:
        os.write(w, text.encode())
    except OSError:
        pass

def _init(info, prog, w):
    # pid 1 of the new pid namespace: the kernel drops signals it has no handler for
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    ok = _run(['mount', '-t', 'proc', '-o', 'nosuid,nodev,noexec', 'proc', '/proc'])
    ok = ok and _run(['mount', '-t', 'tmpfs', '-o', 'nosuid,nodev,mode=1777', 'mpconform-shm', '/dev/shm'])
    if not ok:
        _send(w, 'm\n')
        os._exit(0)
    main = os.fork()
    if main == 0:
        try:
            os.close(w)
            for s in range(1, getattr(signal, 'NSIG', 65)):
                try:
                    signal.signal(s, signal.SIG_DFL)
                except (OSError, ValueError, RuntimeError):
                    pass
            if hasattr(signal, 'pthread_sigmask'):
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
            os.execvp(prog[0], prog)
        except OSError as e:
            # os.write: sys.stderr is block-buffered on a pipe before 3.9, and os._exit does not flush it
            os.write(2, ('mpconform sandbox: cannot execute %s: %s\n' % (prog[0], e.strerror)).encode())
        except BaseException:
            pass
        os._exit(127)
    _send(w, 'p%d\n' % main)
    nul = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(nul, fd)
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == main and w is not None:
            if os.WIFSIGNALED(status):
                _send(w, 's%d\n' % os.WTERMSIG(status))
            else:
                _send(w, 'x%d\n' % os.WEXITSTATUS(status))
            os.close(w)
            w = None
    os._exit(0)

def _launcher():
    info, prog = sys.argv[1], sys.argv[2:]
    for name in ('SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 'SIGPIPE'):
        try:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        except (AttributeError, OSError, ValueError):
            pass
    r, w = os.pipe()
    init = os.fork()
    if init == 0:
        os.close(r)
        try:
            _init(info, prog, w)
        finally:
            os._exit(0)
    os.close(w)
    _note(info, 'init %d' % init)
    nul = os.open(os.devnull, os.O_RDWR)
    os.dup2(nul, 0)
    os.dup2(nul, 1)
    err = os.dup(2)
    os.dup2(nul, 2)
    data = b''
    how = None
    while how is None:
        try:
            chunk = os.read(r, 256)
        except InterruptedError:
            continue
        if not chunk:
            break
        data += chunk
        while b'\n' in data:
            line, data = data.split(b'\n', 1)
            line = line.decode()
            if line.startswith('p'):
                _note(info, 'main ' + line[1:])
            elif line[:1] == 'm':
                _note(info, 'error cannot mount /proc and /dev/shm in the namespace')
                os.write(err, b'mpconform sandbox: cannot mount /proc and /dev/shm in the namespace\n')
                os._exit(125)
            elif line[:1] in ('x', 's'):
                how = line
    if how is None:
        os._exit(125)
    if how[0] == 'x':
        os._exit(int(how[1:]))
    sig = int(how[1:])
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except Exception:
        pass
    # each step on its own: SIGKILL has no disposition to set, and must still be re-raised
    try:
        signal.signal(sig, signal.SIG_DFL)
    except (OSError, ValueError, RuntimeError):
        pass
    try:
        if hasattr(signal, 'pthread_sigmask'):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    except (OSError, ValueError):
        pass
    try:
        os.kill(os.getpid(), sig)
    except OSError:
        pass
    os._exit(128 + sig)

_launcher()
`;
