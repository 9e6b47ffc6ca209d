// Notifications as table rows (the notifications page and the object page), and acknowledging them. Only staff and
// admins get the checkboxes and buttons; the server checks the role and the object's ACL again.
import {el, fill, localTime, when} from './dom.js';
import {call} from './api.js';
import {badge, objectHref} from './status.js';
import {redraw} from './keep.js';

export const ackOne = id => call('api/notifications/' + id + '/ack', 'POST');
export const ackMany = ids => call('api/notifications/ack', 'POST', {ids});
export const ackAll = () => call('api/notifications/ack', 'POST', {all: true});

export class NotificationTable {
    /** options: {staff, select, showObject, onAck(promise)}: select adds checkboxes; onAck shows the outcome. */
    constructor(table, options) {
        this.table = table;
        this.options = options;
        table.addEventListener('click', e => {
            const button = e.target.closest('button.ack');
            if (button) {
                button.disabled = true;
                options.onAck(ackOne(Number(button.value)));
            }
        });
        table.addEventListener('change', e => {
            if (e.target.id === this.table.id + '-all') {
                this.boxes().forEach(b => { b.checked = e.target.checked; });
            }
        });
    }

    /**
     * Draws the rows anew (a push reloads the list): the boxes the user checked stay checked (those still waiting;
     * a new row comes unchecked, so nothing is acknowledged that the user did not see), the focus stays where it was.
     */
    draw(items) {
        const {staff, select, showObject} = this.options;
        const checked = new Set(this.selected());
        const heads = [select ? el('th', {}, el('input', {type: 'checkbox', id: this.table.id + '-all',
            'aria-label': 'select every waiting notification shown'})) : null, el('th', {}, 'When'),
            showObject ? el('th', {}, 'Object') : null, el('th', {}, 'Status'), el('th', {}, 'Text'),
            el('th', {}, 'State'), el('th', {}, 'Destinations')].filter(Boolean);
        const rows = items.map(n => el('tr', {dataset: {id: String(n.id), state: n.state, object: n.object}},
            select ? el('td', {}, n.state === 'active' ? el('input', {type: 'checkbox', class: 'select',
                value: String(n.id), 'aria-label': 'select notification ' + n.id}) : null) : null,
            el('td', {}, localTime(n.created), el('br'), when(n.created)),
            showObject ? el('td', {}, el('a', {href: objectHref(n.object)}, n.object)) : null,
            el('td', {}, badge(n.status, n.severity)),
            el('td', {class: 'message'}, n.message),
            el('td', {class: 'ack-state'}, n.state === 'active'
                ? [el('span', {class: 'waiting'}, 'waiting'), staff ? [' ', el('button', {type: 'button',
                    class: 'ack', value: String(n.id)}, 'Acknowledge')] : null]
                : ['acked by ', el('strong', {}, n.ackedBy || '?'), el('br'), localTime(n.ackedAt)]),
            el('td', {}, destinations(n.deliveries || []))));
        redraw(this.table, () => fill(this.table, el('thead', {}, el('tr', {}, heads)), el('tbody', {}, rows.length
            ? rows : el('tr', {}, el('td', {colspan: String(heads.length), class: 'muted'}, 'No notifications.')))),
        {neighbour: true});
        const boxes = this.boxes();
        boxes.forEach(b => { b.checked = checked.has(Number(b.value)); });
        const all = this.table.querySelector('#' + CSS.escape(this.table.id + '-all'));
        if (all) {
            all.checked = boxes.length > 0 && boxes.every(b => b.checked);
        }
    }

    boxes() {
        return [...this.table.querySelectorAll('input.select')];
    }

    selected() {
        return this.boxes().filter(b => b.checked).map(b => Number(b.value));
    }
}

/** Each destination and round: "mail:ops@x sent 12:01", "webhook:… failed (3 attempts): refused". */
function destinations(deliveries) {
    if (deliveries.length === 0) {
        return el('span', {class: 'muted'}, 'nobody');
    }
    return el('ul', {class: 'deliveries'}, deliveries.map(d => el('li', {dataset: {state: d.state}},
        el('span', {class: 'mono'}, d.destination), ' ',
        el('span', {class: 'delivery-' + d.state}, d.state),
        d.round > 0 ? ' (renotify ' + d.round + ')' : '',
        d.tag ? ' [' + d.tag + ']' : '',
        d.state === 'sent' && d.sentAt ? ' ' + localTime(d.sentAt) : '',
        d.attempts > 1 || d.state === 'failed' ? ' · ' + d.attempts + ' attempts' : '',
        d.state === 'failed' && d.nextAttempt ? ' · next ' + localTime(d.nextAttempt) : '',
        d.lastError ? el('div', {class: 'error small'}, d.lastError) : null)));
}
