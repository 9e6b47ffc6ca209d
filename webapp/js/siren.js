// The siren: a tone while something is down, switched on per browser, hushed by the user until the next new outage.
import {el, fill} from './dom.js';
import {redraw} from './keep.js';

// switched on per browser; hushed per user (two people on one wall screen each hush for themselves)
const ON_KEY = 'argus.siren';

export class Siren {
    constructor(slot, user) {
        this.slot = slot;
        this.hushedKey = 'argus.siren.hushed.' + user;
        this.down = [];
        this.context = null;
        this.timer = null;
        // a browser lets a page make sound only after a click or key on it: after a reload with the siren on, the
        // first tone's context starts suspended (silent); any click or key on the page then lets it sound
        const allow = () => this.context && this.context.state === 'suspended' && this.context.resume();
        document.addEventListener('pointerdown', allow);
        document.addEventListener('keydown', allow);
        this.draw();
    }

    get on() {
        return localStorage.getItem(ON_KEY) === 'on';
    }

    hushed() {
        try {
            return new Set(JSON.parse(localStorage.getItem(this.hushedKey) || '[]'));
        } catch (e) {
            return new Set();
        }
    }

    /** The services and groups down now; a name not down at the last hush sounds the siren again. */
    update(downNames) {
        this.down = downNames;
        const hushed = this.hushed();
        const fresh = downNames.filter(n => !hushed.has(n));
        if (fresh.length === 0 && hushed.size > 0) {
            // keep only what is still down, so a name that comes back later counts as new
            localStorage.setItem(this.hushedKey, JSON.stringify(downNames.filter(n => hushed.has(n))));
        }
        this.sounding = this.on && fresh.length > 0;
        this.sounding ? this.start() : this.stopTone();
        this.draw();
    }

    draw() {
        const toggle = el('button', {type: 'button', id: 'siren-toggle', 'aria-pressed': String(this.on),
            title: 'sound an alarm when something new goes down (this browser only)'},
        !this.on ? '♪ siren off' : this.muted() ? '♪ siren on: click the page to allow sound' : '♪ siren on');
        toggle.addEventListener('click', () => {
            localStorage.setItem(ON_KEY, this.on ? 'off' : 'on');
            if (this.on && !this.context && window.AudioContext) {
                this.context = new AudioContext();
            }
            this.update(this.down);
        });
        // hushed, the button stays (saying so, aria-disabled, which keeps it focusable): a keyboard user who pressed
        // it keeps the focus there rather than being moved to the toggle; it goes away when nothing is down
        const hushedNow = this.on && !this.sounding && this.down.length > 0;
        const hush = el('button', {type: 'button', id: 'siren-hush', 'aria-disabled': String(hushedNow),
            title: hushedNow ? 'hushed until something new goes down' : 'silence the siren until something new goes down'},
        hushedNow ? 'hushed' : 'hush');
        hush.hidden = !this.sounding && !hushedNow;
        hush.addEventListener('click', () => {
            if (hush.getAttribute('aria-disabled') !== 'true') {
                localStorage.setItem(this.hushedKey, JSON.stringify(this.down));
                this.update(this.down);
            }
        });
        // drawn again at every summary: a keyboard user on either button keeps it (redraw); the hush button gone
        // (nothing down any more), the focus goes to the toggle beside it
        const hushFocused = document.activeElement && document.activeElement.id === 'siren-hush';
        redraw(this.slot, () => fill(this.slot, toggle, ' ', hush));
        if (hushFocused && hush.hidden) {
            toggle.focus({preventScroll: true});
        }
    }

    /** Sounding, but the browser keeps it silent until a click or a key on the page. */
    muted() {
        return this.sounding && this.context !== null && this.context.state === 'suspended';
    }

    start() {
        if (this.timer === null) {
            this.beep();
            this.timer = setInterval(() => this.beep(), 2000);
        }
    }

    stopTone() {
        clearInterval(this.timer);
        this.timer = null;
    }

    beep() {
        if (!window.AudioContext) {
            return;
        }
        if (!this.context) {
            this.context = new AudioContext();
            this.context.addEventListener('statechange', () => this.draw());
            this.draw();
        }
        const osc = this.context.createOscillator();
        const gain = this.context.createGain();
        osc.type = 'square';
        osc.frequency.setValueAtTime(880, this.context.currentTime);
        osc.frequency.linearRampToValueAtTime(440, this.context.currentTime + 0.6);
        gain.gain.setValueAtTime(0.08, this.context.currentTime);
        osc.connect(gain).connect(this.context.destination);
        osc.start();
        osc.stop(this.context.currentTime + 0.6);
    }
}
