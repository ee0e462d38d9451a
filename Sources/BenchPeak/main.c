/*
 * gongwen-bench-peak REPORT PROGRAM [ARGUMENT...]
 *
 * Runs PROGRAM and writes its own peak resident set, in kilobytes, to the file REPORT; exits
 * with PROGRAM's status (128 + the signal when a signal ended it).
 *
 * The bench cannot read that figure itself. On Linux a program's ru_maxrss starts from the
 * memory of the process that called exec: posix_spawn runs the new program in the parent's
 * memory until exec, so it inherits the parent's peak, and fork inherits the parent's size.
 * A bench that has just generated 10,000 records would have its own peak reported as the
 * batch's. This program is small: the peak it hands on is its own, about 5 MB (SwiftPM links
 * the Swift runtime into it), far below any run of gongwen, so what wait4 gives it is
 * PROGRAM's own peak.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char *argv[]) {
    if (argc < 3) {
        fprintf(stderr, "usage: gongwen-bench-peak REPORT PROGRAM [ARGUMENT...]\n");
        return 64;
    }
    pid_t pid;
    int spawned = posix_spawn(&pid, argv[2], NULL, NULL, &argv[2], environ);
    if (spawned != 0) {
        fprintf(stderr, "gongwen-bench-peak: cannot start %s: %s\n", argv[2], strerror(spawned));
        return 127;
    }
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("gongwen-bench-peak: wait4");
            return 70;
        }
    }
    FILE *report = fopen(argv[1], "w");
    if (report == NULL || fprintf(report, "%ld\n", usage.ru_maxrss) < 0 || fclose(report) != 0) {
        perror("gongwen-bench-peak: report");
        return 74;
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
