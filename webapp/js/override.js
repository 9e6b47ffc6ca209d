// The object's override: who set it, why, until when; a form to set one and a button to remove it (staff).
import {el, fill, byId, localTime} from './dom.js';
import {call} from './api.js';
import {redraw} from './keep.js';
import {oneAtATime} from './once.js';

export class OverridePanel {
    constructor(base, staff, changed) {
        this.base = base;
        this.staff = staff;
        this.changed = changed;
        const form = byId('override-form');
        form.hidden = !staff;
        oneAtATime(form, e => this.submit(e));
    }

    draw(o) {
        const box = byId('override-now');
        if (!o) {
            fill(box, el('p', {class: 'muted', id: 'override-none'}, 'Not overridden.'));
            return;
        }
        const remove = this.staff ? el('button', {type: 'button', id: 'override-remove'}, 'Remove override') : null;
        if (remove) {
            remove.addEventListener('click', () => this.remove());
        }
        redraw(box, () => fill(box, el('dl', {class: 'facts', id: 'override-current'},
            el('dt', {}, 'Text'), el('dd', {id: 'override-text'}, o.text),
            el('dt', {}, 'By'), el('dd', {}, o.user + ', ' + localTime(o.created)),
            el('dt', {}, 'Mode'), el('dd', {}, o.mode === 'auto' ? 'auto (ends when it comes back up)' : 'manual'),
            el('dt', {}, 'Expires'), el('dd', {}, o.expires ? localTime(o.expires) : 'never'),
            o.ticket ? [el('dt', {}, 'Ticket'), el('dd', {}, o.ticket)] : null,
            o.quiet ? [el('dt', {}, 'Quiet'), el('dd', {}, 'yes')] : null), remove));
    }

    async submit(event) {
        event.preventDefault();
        const form = event.target;
        const body = {text: form.elements.text.value.trim(), mode: form.elements.mode.value};
        const expiresIn = form.elements.expiresIn.value.trim();
        const ticket = form.elements.ticket.value.trim();
        if (expiresIn) body.expiresIn = expiresIn;
        if (ticket) body.ticket = ticket;
        if (form.elements.quiet.checked) body.quiet = true;
        const error = byId('override-error');
        try {
            await call(this.base + '/override', 'PUT', body);
            error.textContent = '';
            form.reset();
            await this.changed();
        } catch (e) {
            error.textContent = problemText(e);
        }
    }

    async remove() {
        try {
            await call(this.base + '/override', 'DELETE');
        } catch (e) {
            byId('override-error').textContent = problemText(e);
        }
        await this.changed();
    }
}

/** A problem+json answer as one line, naming each field at fault. */
export function problemText(e) {
    const p = e.problem || {};
    // the detail usually is the first field's message already: each said once ("text is required", not
    // "text is required; text: text is required")
    const fields = (Array.isArray(p.errors) ? p.errors : []).map(f => f.message)
        .filter(m => m && !String(e.message).includes(m));
    return [e.message].concat(fields).join('; ');
}
