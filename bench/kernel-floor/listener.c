/* A loopback listener that accepts and closes every connection, for probe-loop.c. listener <port> */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <port>\n", argv[0]);
        return 2;
    }
    int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(l, (struct sockaddr *) &at, sizeof at) < 0 || listen(l, 4096) < 0) {
        perror("listener");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event e = {.events = EPOLLIN, .data.fd = l}, events[16];
    epoll_ctl(ep, EPOLL_CTL_ADD, l, &e);
    for (;;) {
        int n = epoll_wait(ep, events, 16, -1);
        for (int i = 0; i < n; i++) {
            int s;
            while ((s = accept4(l, NULL, NULL, SOCK_NONBLOCK)) >= 0) close(s);
        }
    }
}
