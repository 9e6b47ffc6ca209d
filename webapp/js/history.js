// Availability per day, month or year, and the transition log a page at a time.
import {el, fill, byId, localTime} from './dom.js';
import {get} from './api.js';
import {badge} from './status.js';

// transitions a page: 20, or ?pageSize= in the page's address (1 to 200: the log keeps 200)
const asked = Number.parseInt(new URLSearchParams(location.search).get('pageSize'), 10);
const PAGE = asked >= 1 && asked <= 200 ? asked : 20;
// a group with something hidden from the viewer under it: its history would tell of the hidden part
// the first transition of an object comes from nothing: an empty cell looked like missing data
const FIRST = () => el('span', {class: 'muted', title: 'The first state recorded: nothing before it'}, '—');
const WITHHELD = 'From the part of this group you may see only (the rest is hidden from you).';

export class History {
    constructor(base) {
        this.base = base;
        this.offset = 0;
        this.per = 'day';
        byId('transitions-newer').addEventListener('click', () => this.page(-PAGE));
        byId('transitions-older').addEventListener('click', () => this.page(PAGE));
        byId('availability-per').addEventListener('click', e => {
            const per = e.target.closest('button')?.dataset.per;
            if (per) {
                this.per = per;
                byId('availability-per').querySelectorAll('button').forEach(b =>
                    b.setAttribute('aria-pressed', String(b.dataset.per === per)));
                this.availability();
            }
        });
    }

    load() {
        return Promise.all([this.transitions(), this.availability()]);
    }

    /** The object changed: the newest page shows the new transition (an older page stays where the user is). */
    changed() {
        if (this.offset === 0) {
            this.transitions();
        }
    }

    page(delta) {
        this.offset = Math.max(0, this.offset + delta);
        return this.transitions();
    }

    async transitions() {
        const data = await get(this.base + '/transitions?offset=' + this.offset + '&limit=' + PAGE);
        fill(byId('transitions'),
            el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'From'), el('th', {}, 'To'),
                el('th', {}, 'Reason'))),
            el('tbody', {}, data.items.length === 0 ? el('tr', {}, el('td', {colspan: '4', class: 'muted'},
                'No changes yet.')) : data.items.map(t => el('tr', {dataset: {transition: String(t.id)}},
                el('td', {}, localTime(t.at)), el('td', {}, t.from || FIRST()),
                el('td', {}, badge(t.to, t.severity)), el('td', {}, t.reason || '')))));
        const last = Math.min(data.offset + data.items.length, data.total);
        byId('transitions-page').textContent = data.total === 0 ? '' :
            (data.offset + 1) + '–' + last + ' of ' + data.total;
        byId('transitions-newer').disabled = data.offset === 0;
        byId('transitions-older').disabled = last >= data.total;
        if (data.withheld) {
            byId('transitions').prepend(el('caption', {class: 'muted'}, WITHHELD));
        }
    }

    async availability() {
        const data = await get(this.base + '/availability?per=' + this.per);
        const periods = [...data.periods].reverse();
        fill(byId('availability'),
            el('thead', {}, el('tr', {}, el('th', {}, this.per), el('th', {}, 'up'), el('th', {}, 'down'),
                el('th', {}, 'times down'))),
            el('tbody', {}, periods.map(p => el('tr', {},
                el('td', {}, this.per === 'year' ? p.start.substring(0, 4)
                    : this.per === 'month' ? p.start.substring(0, 7) : p.start),
                el('td', {}, percent(p.upPercent)), el('td', {}, percent(p.downPercent)),
                el('td', {}, String(p.timesDown))))));
        if (data.withheld) {
            byId('availability').prepend(el('caption', {class: 'muted'}, WITHHELD));
        }
    }
}

/**
 * A share of a period: 100 % and 0 % only when it is all or nothing. Rounded as it was, a service down from its
 * first check but for the instant before it read "up 0.00 %, down 100.000 %" (toFixed(3) of 99.9996): a figure
 * that is not 100 must not say 100, nor 0 for a little.
 */
function percent(v) {
    if (v == null) return '–';
    if (v >= 100) return '100 %';
    if (v <= 0) return '0 %';
    if (v < 0.01) return '< 0.01 %';
    if (v >= 99.9995) return '> 99.999 %';
    return v.toFixed(v >= 99.95 ? 3 : 2) + ' %';
}
