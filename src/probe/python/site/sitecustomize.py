# mpconform probe: loaded by every Python process of an observed tree through PYTHONPATH.
#
# It records JSON lines (one os.write per line, O_APPEND) in the file named by MPCONFORM_EVENTS:
#   start      a new interpreter began (main program, spawn child, forkserver, resource tracker, other)
#   bootstrap  a multiprocessing-like Process began running in this process (fork children too)
#   started    this process started a child Process (child pid, name, start method, target)
#   start-failed  Process.start() raised here (name, target, exception fields)
#   exception  an exception ended Process.run() ("run") or reached sys.excepthook ("excepthook")
#   exitcode   this process observed a child's exit code (join() / .exitcode)
#   exit       this process is leaving: _bootstrap returned ("bootstrap", with code) or atexit ran
#   ipc        this process is about to create a named POSIX semaphore ("semaphore": the name a
#              SemLock made with SemLock._make_name, before sem_open; again when the tracker
#              registers it) or a shared memory segment ("shared_memory": before shm_open with
#              O_CREAT), with its name; the harness unlinks the ones a killed tree left in
#              /dev/shm (only names recorded here, checked against the file's creation time)
#   spawned    this process started a process outside multiprocessing (os.fork, subprocess):
#              its pid, so that one which drops the run token (env={}) and the session is found
#   warning    os.fork() issued a warning in this process (3.12+: the multi-threaded fork
#              DeprecationWarning), recorded before the program's own filters see it
# It must not change the program's behaviour: no fd is kept open, no module is imported that the
# program would not import anyway (except importlib.machinery when there is a sitecustomize to chain), and every hook
# calls the original. Python 3.7 compatible; also runs (and does nothing) without MPCONFORM_EVENTS.
import os
import sys

# BEGIN generated from src/contracts by scripts/generate-probe-contracts.ts (do not edit)
_EVENTS_ENV = 'MPCONFORM_EVENTS'
_TOKEN_ENV = 'MPCONFORM_RUN_TOKEN'
# modules whose BaseProcess is patched, whose tracker register() sees named semaphores, whose shm_open is wrapped
_TARGETS = ('multiprocessing.process', 'multiprocess.process', 'billiard.process')
_TRACKERS = ('multiprocessing.resource_tracker', 'multiprocessing.semaphore_tracker', 'multiprocess.resource_tracker', 'multiprocess.semaphore_tracker', 'billiard.resource_tracker', 'billiard.semaphore_tracker')
_SHM = ('multiprocessing.shared_memory', 'multiprocess.shared_memory')
# END generated
_EVENTS = os.environ.get(_EVENTS_ENV)
_HERE = os.path.dirname(os.path.abspath(__file__))
_ESC = dict((i, u'\\u%04x' % i) for i in range(32))
_ESC.update({ord('"'): u'\\"', ord('\\'): u'\\\\'})


def _enc(v):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dict):
        return '{' + ','.join(_enc(str(k)) + ':' + _enc(x) for k, x in v.items()) + '}'
    if isinstance(v, (list, tuple)):
        return '[' + ','.join(_enc(x) for x in v) + ']'
    s = v if isinstance(v, str) else str(v)
    if len(s) > 2000:
        s = s[:2000] + '...'
    return '"' + s.translate(_ESC) + '"'


def _emit(ev, **fields):
    if not _EVENTS:
        return
    try:
        import time
        fields['ev'] = ev
        fields['pid'] = os.getpid()
        fields['t'] = time.time()
        line = (_enc(fields) + '\n').encode('utf-8', 'replace')
        # open per event: no fd survives into the program (fd numbers, closerange, fork) unchanged
        fd = os.open(_EVENTS, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
    except Exception:
        pass


def _cmdline():
    try:
        with open('/proc/self/cmdline', 'rb') as f:
            return [a.decode('utf-8', 'replace') for a in f.read().split(b'\0') if a]
    except Exception:
        return list(getattr(sys, 'argv', []))


def _kind(args):
    text = ' '.join(args)
    if 'import spawn_main' in text or '--multiprocessing-fork' in text:
        return 'spawn'
    if '.forkserver import main' in text:
        return 'forkserver'
    if '_tracker import main' in text:
        return 'resource-tracker'
    if '-c' in args or '-m' in args:
        return 'other'
    return 'main'


def _exc_fields(e):
    errno = getattr(e, 'errno', None)
    # base class names let a library's subclass (loky's TerminatedWorkerError is a BrokenProcessPool) classify
    bases = [c.__name__ for c in type(e).__mro__[1:] if c not in (BaseException, Exception, object)]
    return dict(type=type(e).__name__, module=type(e).__module__, message=str(e),
                errno=errno if isinstance(errno, int) else None, bases=bases)


def _target_name(t):
    if t is None:
        return None
    mod = getattr(t, '__module__', None) or '?'
    name = getattr(t, '__qualname__', None) or getattr(t, '__name__', None)
    if name is None:  # a callable object (billiard's pool.Worker instance): its class
        name = getattr(type(t), '__qualname__', None)
    return mod + '.' + (name or '?')


def _wrap(orig, fn):
    for a in ('__name__', '__qualname__', '__doc__', '__module__'):
        try:
            setattr(fn, a, getattr(orig, a))
        except Exception:
            pass
    fn.__wrapped__ = orig
    return fn


_seen_exit = set()
_patched = set()


def _note_exitcode(proc, code, lib):
    pid = getattr(proc, 'pid', None)
    if code is None or pid is None or pid in _seen_exit:
        return
    _seen_exit.add(pid)
    _emit('exitcode', child=pid, name=getattr(proc, '_name', None), code=code, lib=lib)


def _patch(modname, module):
    lib = modname.split('.')[0]
    base = getattr(module, 'BaseProcess', None)
    if base is None or id(base) in _patched:
        return
    _patched.add(id(base))
    o_boot, o_start, o_join, o_exitcode = base._bootstrap, base.start, base.join, base.exitcode

    def _bootstrap(self, *args, **kwargs):
        had, old = 'run' in self.__dict__, self.__dict__.get('run')
        orig_run = self.run

        def run():
            # here, not at _bootstrap entry: _bootstrap first forces the child's start method
            method = None
            try:
                method = sys.modules[lib].get_start_method(allow_none=True)
            except Exception:
                pass
            _emit('bootstrap', ppid=os.getppid(), name=getattr(self, '_name', None), method=method,
                  target=_target_name(getattr(self, '_target', None)), lib=lib)
            try:
                return orig_run()
            except SystemExit:
                raise
            except BaseException as e:
                _emit('exception', where='run', **_exc_fields(e))
                raise
        # an instance attribute shadows run() for this call only, subclasses' overrides included
        self.run = run
        try:
            code = o_boot(self, *args, **kwargs)
        finally:
            if had:
                self.run = old
            else:
                self.__dict__.pop('run', None)
        _emit('exit', how='bootstrap', code=code if isinstance(code, int) else None)
        return code

    def start(self):
        # start() deletes _target (3.7+): read it first
        target = _target_name(getattr(self, '_target', None))
        try:
            o_start(self)
        except BaseException as e:
            _emit('start-failed', name=getattr(self, '_name', None), target=target, lib=lib,
                  **_exc_fields(e))
            raise
        _emit('started', child=getattr(self, 'pid', None), name=getattr(self, '_name', None),
              method=getattr(getattr(self, '_popen', None), 'method', None), target=target, lib=lib)

    def join(self, timeout=None):
        r = o_join(self, timeout)
        try:
            _note_exitcode(self, getattr(getattr(self, '_popen', None), 'returncode', None), lib)
        except Exception:
            pass
        return r

    def exitcode(self):
        code = o_exitcode.fget(self)
        try:
            _note_exitcode(self, code, lib)
        except Exception:
            pass
        return code

    base._bootstrap = _wrap(o_boot, _bootstrap)
    base.start = _wrap(o_start, start)
    base.join = _wrap(o_join, join)
    base.exitcode = property(_wrap(o_exitcode.fget, exitcode), doc=o_exitcode.__doc__)


# _TRACKERS: trackers whose register() sees every named semaphore a SemLock creates (3.8+:
# resource_tracker with an rtype; 3.7: semaphore_tracker with the name only). A SemLock made in a
# fork context is unlinked at once (no name, no register call), so only names that can outlive a
# kill are recorded. _SHM: shared_memory modules (both generated above).


def _patch_tracker(modname, module):
    orig = getattr(module, 'register', None)
    if orig is None or getattr(orig, '_mpconform', False):
        return

    def register(name, *rest):
        try:
            rtype = rest[0] if rest else 'semaphore'
            if rtype == 'semaphore':
                _emit('ipc', kind='semaphore', name=name, lib=modname.split('.')[0])
        except Exception:
            pass
        return orig(name, *rest)
    register._mpconform = True
    module.register = _wrap(orig, register)


def _patch_shm(modname, module):
    # shared_memory calls _posixshmem.shm_open through the module attribute: wrap it there, and
    # record only creations (attaching to an existing segment registers it too, up to 3.12)
    posix = getattr(module, '_posixshmem', None)
    orig = getattr(posix, 'shm_open', None)
    if orig is None or getattr(orig, '_mpconform', False):
        return

    def shm_open(path, flags, *rest, **kwargs):
        # recorded before the call: a kill inside shm_open leaves a recorded name
        try:
            if flags & os.O_CREAT:
                _emit('ipc', kind='shared_memory', name=path, lib=modname.split('.')[0])
        except Exception:
            pass
        return orig(path, flags, *rest, **kwargs)
    shm_open._mpconform = True
    try:
        posix.shm_open = _wrap(orig, shm_open)
    except Exception:
        pass


_SYNC = tuple(lib + '.synchronize' for lib in ('multiprocessing', 'multiprocess', 'billiard'))


def _patch_sync(modname, module):
    # the name is made here, in Python, before _multiprocessing.SemLock calls sem_open: recording
    # it first means a kill anywhere inside sem_open (glibc's sem.XXXXXX temp file, link()) still
    # leaves a recorded name behind
    semlock = getattr(module, 'SemLock', None)
    raw = getattr(semlock, '__dict__', {}).get('_make_name')
    orig = getattr(raw, '__func__', None)
    if orig is None or getattr(orig, '_mpconform', False):
        return
    lib = modname.split('.')[0]

    def _make_name():
        name = orig()
        try:
            _emit('ipc', kind='semaphore', name=name, lib=lib)
        except Exception:
            pass
        return name
    _make_name._mpconform = True
    semlock._make_name = staticmethod(_wrap(orig, _make_name))


def _patch_subprocess(modname, module):
    popen = getattr(module, 'Popen', None)
    orig = getattr(popen, '_execute_child', None)
    if orig is None or getattr(orig, '_mpconform', False):
        return

    def _execute_child(self, *args, **kwargs):
        try:
            return orig(self, *args, **kwargs)
        finally:
            pid = getattr(self, 'pid', None)
            if isinstance(pid, int):
                _emit('spawned', child=pid, how='subprocess')
    _execute_child._mpconform = True
    popen._execute_child = _wrap(orig, _execute_child)


def _patch_fork():
    orig = getattr(os, 'fork', None)
    if orig is None or getattr(orig, '_mpconform', False):
        return

    def fork():
        if sys.version_info < (3, 12) or 'warnings' not in sys.modules:
            pid = orig()
            if pid > 0:
                _emit('spawned', child=pid, how='fork')
            return pid
        # 3.12+ warns in the parent of a multi-threaded fork (gh-100228), usually to filters that drop it: record it
        # whatever the filters say, then hand it to them as os.fork() would have, from the caller's line (this
        # wrapper's frame would otherwise take its place: stacklevel 1)
        warnings = sys.modules['warnings']
        caller = sys._getframe(1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            pid = orig()
        if pid > 0:
            _emit('spawned', child=pid, how='fork')
            for w in caught:
                _emit('warning', category=w.category.__name__, message=str(w.message))
                try:
                    warnings.warn_explicit(w.message, w.category, caller.f_code.co_filename, caller.f_lineno,
                                           module=caller.f_globals.get('__name__'),
                                           registry=caller.f_globals.setdefault('__warningregistry__', {}))
                except Exception:
                    pass
        return pid
    fork._mpconform = True
    os.fork = _wrap(orig, fork)


def _patcher(name):
    if name in _TARGETS:
        return _patch
    if name in _TRACKERS:
        return _patch_tracker
    if name in _SHM:
        return _patch_shm
    if name in _SYNC:
        return _patch_sync
    if name == 'subprocess':
        return _patch_subprocess
    return None


class _Finder(object):
    """Meta path finder that patches multiprocessing-like packages' modules on import."""
    _busy = set()

    def find_spec(self, name, path=None, target=None):
        patch = _patcher(name)
        if patch is None or name in self._busy:
            return None
        self._busy.add(name)
        try:
            spec = None
            for finder in sys.meta_path:
                fs = getattr(finder, 'find_spec', None)
                if finder is self or fs is None:
                    continue
                spec = fs(name, path, target)
                if spec is not None:
                    break
        finally:
            self._busy.discard(name)
        loader = getattr(spec, 'loader', None)
        if loader is None or isinstance(loader, type):
            return spec
        orig = loader.exec_module

        def exec_module(module):
            orig(module)
            try:
                patch(name, module)
            except Exception:
                pass
        # per-module loader instance: __loader__ stays the genuine loader
        loader.exec_module = exec_module
        return spec


def _excepthook_wrapper(prev):
    def excepthook(tp, value, tb):
        try:
            if value is not None:
                _emit('exception', where='excepthook', **_exc_fields(value))
        except Exception:
            pass
        return prev(tp, value, tb)
    return excepthook


def _may_shadow(paths):
    """Whether one of these sys.path entries can hold a sitecustomize: a directory with an entry
    named sitecustomize* (source, bytecode, extension, package) or anything that is not a directory
    (a zip: only the import system can tell). Most interpreters have none, and then importlib is
    not imported at all (a bare interpreter does not import it either)."""
    for p in paths:
        try:
            names = os.listdir(p or os.curdir)
        except NotADirectoryError:
            return True
        except OSError:
            continue  # an entry that does not exist: nothing is found there
        for n in names:
            if n.startswith('sitecustomize'):
                return True
    return False


def _chain():
    """Run the sitecustomize this one shadows (e.g. Debian's), as site.py would have."""
    paths = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    if not _may_shadow(paths):
        return
    from importlib.machinery import PathFinder
    spec = PathFinder.find_spec('sitecustomize', paths)
    if spec is None or spec.loader is None:
        return
    import importlib.util
    module = importlib.util.module_from_spec(spec)
    sys.modules['sitecustomize'] = module
    spec.loader.exec_module(module)


# --- stacks: where a hung tree waits ------------------------------------------------------------
# faulthandler is built into the interpreter (sys.builtin_module_names: no file is read, no Python
# code runs on import). Registered on a real-time signal nothing else uses (not SIGUSR1/SIGUSR2:
# billiard's pool workers take both), it dumps every thread's stack to a per-process file beside
# the events file when the harness asks, just before it kills a hung tree. Nothing else changes:
# - the program sees no new fd: the file is moved to a descriptor far above its own (close to the
#   open-files limit, close-on-exec) and the temporary one is closed before the program starts;
# - signal.getsignal() still reports SIG_DFL for the signal (faulthandler installs a C handler
#   with sigaction and leaves the signal module's table alone), and a program or library that sets
#   its own handler simply replaces ours;
# - exec resets a caught signal to SIG_DFL, so spawn children, the forkserver and the resource
#   tracker do not inherit it: each runs this file and registers its own. A fork child (fork start
#   method, forkserver children, os.fork) inherits the handler and the descriptor: the at-fork hook
#   points that descriptor at the child's own file (dup2 onto the same number; still one fd).
# src/execute/terminate/stacks.ts holds the other side (STACKS_SIGNAL, file name).
_STACKS_SIGNAL = 62  # SIGRTMAX - 2 on Linux
_STACKS_FD = [None]


def _stacks_point():
    fd = os.open(os.path.join(os.path.dirname(_EVENTS), '.mpconform-stacks-%d' % os.getpid()),
                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.dup2(fd, _STACKS_FD[0], inheritable=False)
    finally:
        os.close(fd)


def _stacks_in_child():
    try:
        _stacks_point()
    except Exception:
        pass


def _install_stacks():
    if not sys.platform.startswith('linux') or not hasattr(os, 'register_at_fork'):
        return
    try:
        import faulthandler
        high = min(os.sysconf('SC_OPEN_MAX'), 4096) - 4
        if high < 64:
            return
        try:
            os.fstat(high)
            return  # taken (inherited): never clobber a descriptor of the program's
        except OSError:
            pass
        _STACKS_FD[0] = high
        _stacks_point()
        faulthandler.register(_STACKS_SIGNAL, file=high, all_threads=True, chain=False)
        os.register_at_fork(after_in_child=_stacks_in_child)
    except Exception:
        pass
# --- end of stacks -------------------------------------------------------------------------------


# The status a resource tracker passes to sys.exit (3.13+: 1 after cleaning up leaks, 2 when an unlink
# failed, 3 on a bad message; Lib/multiprocessing/resource_tracker.py main), for its atexit event: nobody
# reaps a tracker whose parent already exited, so this is the only record of it.
_exit_status = [None]


def _record_exit_status():
    o_exit = sys.exit

    def exit(status=None):
        _exit_status[0] = status if isinstance(status, int) and not isinstance(status, bool) else None
        o_exit(status)
    sys.exit = exit


def _install():
    if _EVENTS:
        args = _cmdline()
        kind = _kind(args[1:])
        _emit('start', ppid=os.getppid(), kind=kind, argv=' '.join(args)[:300],
              py='%d.%d.%d' % sys.version_info[:3], token=os.environ.get(_TOKEN_ENV))
        if kind == 'resource-tracker':
            _record_exit_status()
        _patch_fork()
        for name in _TARGETS + _TRACKERS + _SHM + _SYNC + ('subprocess',):
            if name in sys.modules:
                try:
                    _patcher(name)(name, sys.modules[name])
                except Exception:
                    pass
        sys.meta_path.insert(0, _Finder())
        _install_stacks()
        import atexit
        atexit.register(lambda: _emit('exit', how='atexit', code=_exit_status[0]))
    failure = None
    try:
        _chain()
    except Exception as e:  # site.py reports a failing sitecustomize; keep that, after our setup
        failure = e
    if _EVENTS:
        # after chaining: a chained sitecustomize (Debian's apport) may replace the hook itself
        sys.excepthook = _excepthook_wrapper(sys.excepthook)
    if failure is not None:
        raise failure


_install()
