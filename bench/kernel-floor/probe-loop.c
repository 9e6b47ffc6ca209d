/*
 * The kernel's floor for a TCP probe (issue 17): connect + close on loopback at a fixed rate, driven by epoll, as
 * the server's network loop does for a service that only connects. Prints this process's user and kernel CPU per
 * probe (getrusage over the run), to set beside the loop thread's figure from bench/probe-bench.sh.
 *
 *   probe-loop <port> <probes a second> <seconds> [batch ms]
 *
 * With a batch of N ms the loop wakes at most every N ms and starts what is due, as the server's tick does (its
 * minimum gap is 20 ms); without it, it wakes once per probe.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double seconds(struct timeval a, struct timeval b) {
    return (b.tv_sec - a.tv_sec) + (b.tv_usec - a.tv_usec) / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: %s <port> <probes a second> <seconds> [batch ms]\n", argv[0]);
        return 2;
    }
    double rate = atof(argv[2]), secs = atof(argv[3]), batch = argc == 5 ? atof(argv[4]) / 1000 : 0;
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int ep = epoll_create1(0);
    struct epoll_event events[256];
    long started = 0, done = 0, failed = 0;
    struct rusage r0, r1;
    double t0 = now(), end = t0 + secs;
    getrusage(RUSAGE_SELF, &r0);
    while (now() < end || done + failed < started) {
        double t = now();
        long due = t >= end ? started : (long) ((t - t0) * rate);
        for (; started < due; started++) {
            int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (connect(s, (struct sockaddr *) &to, sizeof to) < 0 && errno != EINPROGRESS) {
                close(s);
                failed++;
                continue;
            }
            struct epoll_event e = {.events = EPOLLOUT, .data.fd = s};
            epoll_ctl(ep, EPOLL_CTL_ADD, s, &e);
        }
        /* sleep until the next probe is due, as the server's tick does, not on a fixed short timeout */
        double next = t0 + (started + 1) / rate - now();
        if (next < batch) next = batch;
        int wait = t >= end ? 50 : (next <= 0 ? 0 : (int) (next * 1000) + 1);
        int n = epoll_wait(ep, events, 256, wait);
        for (int i = 0; i < n; i++) {
            int s = events[i].data.fd, err = 0;
            socklen_t len = sizeof err;
            getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err) failed++; else done++;
            close(s);
        }
    }
    getrusage(RUSAGE_SELF, &r1);
    double user = seconds(r0.ru_utime, r1.ru_utime), kernel = seconds(r0.ru_stime, r1.ru_stime);
    printf("%.0f probes/s planned, batch %.0f ms: %ld probes (%ld failed) in %.1f s; user %.1f us, kernel %.1f us a probe = %.3f core-s per 1,000 probes\n",
           rate, batch * 1000, done, failed, now() - t0, user * 1e6 / done, kernel * 1e6 / done, (user + kernel) * 1000 / done);
    return 0;
}
