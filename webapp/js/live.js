// The /live WebSocket: numbered changes applied in place. A dropped socket shows "stale" at once; the client
// reconnects with backoff and resumes from the last number it applied, or refetches when the server says resync.
import {showLiveState, showUnacked, refreshUnacked} from './shell.js';
import {toLogin, sessionChanged} from './api.js';

const MAX_BACKOFF_MS = 15000;

export class Live {
    /**
     * handlers: {status(row), annotation(fullName), tree(), resync(), notification(msg) (optional)}; resync must
     * refetch what the page shows and call setSeq with the seq of the fresh data. Notification messages update the
     * header's unacked badge on every page.
     */
    constructor(handlers) {
        this.handlers = handlers;
        this.seq = null;
        this.backoff = 500;
        this.socket = null;
        this.timer = null;
        this.stopped = false;
        window.addEventListener('pagehide', () => this.stop());
    }

    /**
     * The seq of the first data the page loaded (a snapshot), before the socket said hello: changes from it on are
     * still wanted. Later snapshots do not move it: they cover only the rows they list, and the pushes still on
     * their way are wanted for the others (rows.js compares each row with the snapshot it was drawn from).
     */
    setSeq(seq) {
        if (typeof seq === 'number' && this.seq === null) {
            this.seq = seq;
        }
    }

    start() {
        const url = new URL('live', location.href);
        url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(url);
        this.socket = socket;
        socket.addEventListener('message', e => this.receive(e.data));
        socket.addEventListener('close', e => this.dropped(socket, e));
    }

    stop() {
        this.stopped = true;
        clearTimeout(this.timer);
        if (this.socket) {
            this.socket.close(1000);
        }
    }

    receive(data) {
        let msg;
        try {
            msg = JSON.parse(data);
        } catch (e) {
            return;
        }
        if (msg.type === 'hello') {
            this.backoff = 500;
            showLiveState('live');
            const restarted = this.epoch !== undefined && msg.epoch !== undefined && msg.epoch !== this.epoch;
            this.epoch = msg.epoch;
            if (this.seq === null) {
                this.seq = msg.seq;
            } else if (restarted || msg.seq < this.seq) {
                // another run of the server (its numbers mean nothing here): what the page shows may be anything
                this.seq = msg.seq;
                this.resync();
            } else if (msg.seq > this.seq) {
                this.send({type: 'resume', seq: this.seq});
            }
            return;
        }
        if (msg.type === 'resync') {
            this.resync();
            return;
        }
        if (typeof msg.seq === 'number') {
            // a round's changes share their number, and a replay starts with the round the page was in
            if (this.seq !== null && msg.seq < this.seq) {
                return;
            }
            this.seq = msg.seq;
        }
        if (msg.type === 'notification') {
            showUnacked(msg.unacked);
        }
        const handler = this.handlers[msg.type];
        if (handler) {
            handler(msg.type === 'status' ? msg.row : msg.type === 'annotation' ? msg.fullName : msg, msg.seq);
        }
        document.body.dataset.liveSeq = String(this.seq);
    }

    async resync() {
        refreshUnacked();
        try {
            await this.handlers.resync();
        } catch (e) {
            showLiveState('stale', 'could not refetch');
        }
    }

    send(msg) {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(msg));
        }
    }

    dropped(socket, event) {
        if (socket !== this.socket || this.stopped) {
            return;
        }
        this.socket = null;
        showLiveState('stale', event.code === 1008 ? 'session ended' : 'reconnecting');
        const delay = Math.min(this.backoff, MAX_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
        this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
        this.timer = setTimeout(() => this.reconnect(), delay);
    }

    /**
     * Reconnects only with a session: without one the user logs in again; with other roles the page reloads; without
     * a server, it waits longer.
     */
    async reconnect() {
        try {
            const response = await fetch('api/session', {headers: {Accept: 'application/json'}});
            if (response.status === 401) {
                toLogin();
                return;
            }
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            // the server closes a changed user's sockets (1008): draw the page again for who they are now, or
            // it would keep the buttons of the old roles (answered 403) until a reload
            if (sessionChanged(await response.json())) {
                location.reload();
                return;
            }
        } catch (e) {
            this.dropped(null, {code: 0});
            return;
        }
        this.start();
    }
}
