// Runs a refresh (an async function) again and again without a storm of requests: at most one in flight, at least
// `gap` ms from the end of one to the start of the next, one every `period` ms while nothing else asks, and none
// while the tab is hidden (what was asked meanwhile runs once it is shown again). Asks that come while one runs or
// waits its gap merge into the one that follows.

export class Refresher {
    constructor(refresh, {period, gap}) {
        this.refresh = refresh;
        this.period = period;
        this.gap = gap;
        this.running = false;
        this.wanted = false;
        this.last = 0;
        this.timer = null;
        document.addEventListener('visibilitychange', () => {
            if (!document.hidden && this.wanted) this.ask();
        });
        window.addEventListener('pagehide', () => clearTimeout(this.timer));
    }

    /** Starts the periodic refreshes, counting from a refresh just done (the page's first draw). */
    start() {
        this.last = Date.now();
        this.later(this.period);
    }

    /** A refresh as soon as the rules allow: a live push said something changed. */
    ask() {
        this.wanted = true;
        if (this.running || document.hidden) {
            return; // after the one running, or when the tab is shown
        }
        const wait = this.last + this.gap - Date.now();
        if (wait > 0) {
            this.later(wait);
            return;
        }
        this.run();
    }

    later(ms) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.ask(), ms);
    }

    async run() {
        clearTimeout(this.timer);
        this.wanted = false;
        this.running = true;
        try {
            await this.refresh();
        } catch (e) {
            // a failed refresh keeps what is drawn; the next one tries again (the live state shows a lost server)
        } finally {
            this.running = false;
            this.last = Date.now();
        }
        if (this.wanted) {
            this.ask();
        } else {
            this.later(this.period);
        }
    }
}
