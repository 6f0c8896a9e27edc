/**
 * The launcher of src/execute/sandbox/init.ts, in C: the same process tree, the same info file,
 * the same signal dispositions and the same way of ending, without an interpreter's start-up and
 * without `unshare` and two `mount` processes (about 35 ms of each sandboxed run, most of the
 * sandbox's cost: `npm run bench`, overhead-cpu). It makes the namespaces itself, as
 * `unshare --pid --mount --propagation private` does (unshare(2), then / made private, recursively):
 *
 *   launcher (host pidns, new mount ns; ignores the signals the tree's group gets)
 *     └─ init (pid 1: mounts /proc and a private tmpfs on /dev/shm, then reaps every orphan)
 *          └─ the program (pid 2..: all signal dispositions and the mask back to the defaults)
 *
 * `mpconform-init INFO PROGRAM...`. Compiled once per machine with the C compiler on PATH
 * (src/execute/sandbox/native.ts); without one the Python launcher is used. Every fd it makes is
 * close-on-exec, as Python's are (PEP 446): the program inherits only its 0, 1 and 2.
 *
 * Where it differs from the Python launcher, it is the way a direct spawn behaves: the program is
 * pid 2 (the Python init forks two mount processes first: pid 4); a SIGKILL death comes back as
 * SIGKILL; execvp runs a file without a #! line with /bin/sh, as libuv's does; the signals are
 * ignored from the launcher's first instruction on, not after an interpreter started.
 */
export const INIT_C = String.raw`
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void note(const char *info, const char *text) {
  /* the program's own directory: never follow a link it made, never block on a FIFO it made */
  int fd = open(info, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd < 0) return;
  char line[256];
  int n = snprintf(line, sizeof line, "%s\n", text);
  if (n > 0 && (size_t)n < sizeof line && write(fd, line, (size_t)n) < 0) { /* nothing to do */ }
  close(fd);
}

static void say(int fd, char kind, int value) {
  char line[32];
  int n = value < 0 ? snprintf(line, sizeof line, "%c\n", kind) : snprintf(line, sizeof line, "%c%d\n", kind, value);
  if (write(fd, line, (size_t)n) < 0) { /* the launcher is gone */ }
}

/* fd onto /dev/null; closed when /dev/null cannot be opened (init must not hold the harness's pipes) */
static void to_null(int fd) {
  int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (nul < 0) {
    close(fd);
    return;
  }
  dup2(nul, fd);
  close(nul);
}

static void init(char **prog, int w) {
  /* pid 1 of the new pid namespace: the kernel drops signals it has no handler for */
  signal(SIGCHLD, SIG_DFL); /* wait() must see the program end, whatever was inherited */
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0
      || mount("mpconform-shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777") != 0) {
    say(w, 'm', errno);
    _exit(0);
  }
  pid_t program = fork();
  if (program == 0) {
    close(w);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++) sigaction(s, &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execvp(prog[0], prog);
    fprintf(stderr, "mpconform sandbox: cannot execute %s: %s\n", prog[0], strerror(errno));
    _exit(127);
  }
  if (program < 0) _exit(0);
  say(w, 'p', (int)program);
  for (int fd = 0; fd < 3; fd++) to_null(fd);
  for (;;) {
    int status;
    pid_t pid = wait(&status);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (pid == program && w >= 0) {
      if (WIFSIGNALED(status)) say(w, 's', WTERMSIG(status));
      else say(w, 'x', WEXITSTATUS(status));
      close(w);
      w = -1;
    }
  }
  _exit(0);
}

int main(int argc, char **argv) {
  if (argc < 3) return 125;
  const char *info = argv[1];
  static const int ignored[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE};
  for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++) signal(ignored[i], SIG_IGN);
  if (unshare(CLONE_NEWNS | CLONE_NEWPID) != 0) {
    fprintf(stderr, "mpconform sandbox: unshare failed: %s\n", strerror(errno));
    return 1;
  }
  if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
    fprintf(stderr, "mpconform sandbox: cannot make / private: %s\n", strerror(errno));
    return 1;
  }
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) return 125;
  pid_t child = fork();
  if (child == 0) {
    close(p[0]);
    init(argv + 2, p[1]);
    _exit(0);
  }
  if (child < 0) return 125;
  close(p[1]);
  char text[64];
  snprintf(text, sizeof text, "init %d", (int)child);
  note(info, text);
  to_null(0);
  to_null(1);
  int err = fcntl(2, F_DUPFD_CLOEXEC, 3);
  to_null(2);
  char data[512];
  size_t len = 0;
  for (;;) {
    ssize_t n = read(p[0], data + len, sizeof data - 1 - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 125;
    len += (size_t)n;
    data[len] = 0;
    char *nl;
    while ((nl = strchr(data, '\n')) != NULL) {
      *nl = 0;
      if (data[0] == 'p') {
        snprintf(text, sizeof text, "main %d", atoi(data + 1));
        note(info, text);
      } else if (data[0] == 'm') {
        note(info, "error cannot mount /proc and /dev/shm in the namespace");
        char msg[160];
        int n = snprintf(msg, sizeof msg, "mpconform sandbox: cannot mount /proc and /dev/shm in the namespace: %s\n", strerror(atoi(data + 1)));
        if (err >= 0 && n > 0 && (size_t)n < sizeof msg && write(err, msg, (size_t)n) < 0) { /* nothing to do */ }
        _exit(125);
      } else if (data[0] == 'x') {
        _exit(atoi(data + 1));
      } else if (data[0] == 's') {
        int sig = atoi(data + 1);
        struct rlimit none = {0, 0};
        setrlimit(RLIMIT_CORE, &none);
        signal(sig, SIG_DFL);
        sigset_t one;
        sigemptyset(&one);
        sigaddset(&one, sig);
        sigprocmask(SIG_UNBLOCK, &one, NULL);
        kill(getpid(), sig);
        _exit(128 + sig);
      }
      len -= (size_t)(nl + 1 - data);
      memmove(data, nl + 1, len + 1);
    }
    if (len >= sizeof data - 1) return 125;
  }
}
`;
