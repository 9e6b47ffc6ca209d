/*
 * The kernel's floor for a TCP probe (issue 17): connect + close on loopback at a fixed rate, driven by epoll, as
 * the server's network loop does for a service that only connects. Prints this process's user and kernel CPU per
 * probe (getrusage over the run), to set beside the loop thread's figure from bench/probe-bench.sh.
 *
 *   probe-loop <port> <probes a second> <seconds> [batch ms [hosts ports]]
 *
 * With a batch of N ms the loop wakes at most every N ms and starts what is due, as the server's tick does (its
 * least pause is 50 ms, 20 ms until session 12); with 0 or none, it wakes once per probe. With hosts and ports it
 * probes the benchmarks' layout instead of 127.0.0.1: host h at 127.(1 + h / 62500).(h % 62500 / 250).(h % 250 + 1)
 * (ProbeTargets.address), ports <port> to <port> + ports - 1, each probe to one of them at random, as the server's
 * random phases spread them. Thousands of addresses cost the kernel a few microseconds a probe more than one.
 *
 * With PROBE_LOOP_SYSCALLS=jdk in the environment it makes the system calls the JDK's SocketChannel and Selector make
 * for the same probe (JDK 17, strace of the server's loop): socket blocking then fcntl F_GETFL and F_SETFL for
 * configureBlocking(false); connect; epoll_ctl ADD at the select after register; after the event, finishConnect's
 * poll(POLLOUT, 0) and getsockopt(SO_ERROR) and two getsockname (Net.localAddress: address and port apart); close
 * deregisters the key at the next select (epoll_ctl DEL) before the descriptor is closed. Eleven calls a probe
 * against five, all in this one thread: the floor for a server written on the JDK's NIO.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    if (argc != 4 && argc != 5 && argc != 7) {
        fprintf(stderr, "usage: %s <port> <probes a second> <seconds> [batch ms [hosts ports]]\n", argv[0]);
        return 2;
    }
    double rate = atof(argv[2]), secs = atof(argv[3]), batch = argc >= 5 ? atof(argv[4]) / 1000 : 0;
    int port = atoi(argv[1]), hosts = argc == 7 ? atoi(argv[5]) : 0, ports = argc == 7 ? atoi(argv[6]) : 1;
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    const char *mode = getenv("PROBE_LOOP_SYSCALLS");
    int jdk = mode != NULL && strcmp(mode, "jdk") == 0;
    srand(1);
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
            if (hosts > 0) {
                int h = rand() % hosts;
                to.sin_addr.s_addr = htonl((127u << 24) | ((1u + h / 62500) << 16) | ((h % 62500 / 250u) << 8)
                                           | (h % 250 + 1u));
                to.sin_port = htons(port + rand() % ports);
            }
            int s = socket(AF_INET, SOCK_STREAM | (jdk ? 0 : SOCK_NONBLOCK), 0);
            if (jdk) fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
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
            if (jdk) {
                struct pollfd p = {.fd = s, .events = POLLOUT};
                poll(&p, 1, 0);
            }
            getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err) failed++; else done++;
            if (jdk) {
                struct sockaddr_storage at;
                socklen_t atlen = sizeof at;
                getsockname(s, (struct sockaddr *) &at, &atlen);
                atlen = sizeof at;
                getsockname(s, (struct sockaddr *) &at, &atlen);
                epoll_ctl(ep, EPOLL_CTL_DEL, s, NULL);
            }
            close(s);
        }
    }
    getrusage(RUSAGE_SELF, &r1);
    double user = seconds(r0.ru_utime, r1.ru_utime), kernel = seconds(r0.ru_stime, r1.ru_stime);
    printf("%s%.0f probes/s planned, batch %.0f ms, %d hosts x %d ports: %ld probes (%ld failed) in %.1f s; user %.1f us, kernel %.1f us a probe = %.3f core-s per 1,000 probes\n",
           jdk ? "JDK's calls: " : "", rate, batch * 1000, hosts > 0 ? hosts : 1, ports, done, failed, now() - t0, user * 1e6 / done, kernel * 1e6 / done, (user + kernel) * 1000 / done);
    return 0;
}
