// Rows selected for one action on all of them: override, annotate, check now (staff and admins only).
import {el, fill, byId} from './dom.js';
import {call, seg} from './api.js';
import {oneAtATime} from './once.js';

export class Selection {
    constructor(enabled) {
        this.enabled = enabled;
        this.names = new Set();
        if (enabled) {
            oneAtATime(byId('bulk-form'), e => this.submit(e));
            byId('bulk-clear').addEventListener('click', () => this.clear());
        }
    }

    checkbox(fullName) {
        const box = el('input', {type: 'checkbox', class: 'select', 'aria-label': 'select ' + fullName});
        box.checked = this.names.has(fullName);
        box.addEventListener('change', () => {
            if (box.checked) this.names.add(fullName); else this.names.delete(fullName);
            this.sync(fullName, box.checked);
        });
        return box;
    }

    sync(fullName, checked) {
        for (const li of document.querySelectorAll('li[data-full-name]')) {
            if (li.dataset.fullName === fullName) {
                const box = li.querySelector(':scope > .row > input.select');
                if (box) box.checked = checked;
            }
        }
        this.show();
    }

    clear() {
        this.names.clear();
        document.querySelectorAll('input.select').forEach(b => { b.checked = false; });
        this.show();
    }

    show() {
        byId('bulk-panel').hidden = this.names.size === 0;
        byId('bulk-count').textContent = this.names.size + ' selected';
    }

    async submit(event) {
        event.preventDefault();
        const action = event.submitter ? event.submitter.value : 'override';
        const form = byId('bulk-form');
        const text = form.elements.text.value.trim();
        if (action !== 'check' && !text) {
            this.report([`${action === 'override' ? 'An override' : 'A note'} needs a text.`]);
            return;
        }
        const lines = [];
        for (const name of [...this.names]) {
            try {
                lines.push(name + ': ' + await this.act(action, name, form, text));
            } catch (e) {
                lines.push(name + ': failed, ' + e.message);
            }
        }
        this.report(lines);
    }

    async act(action, name, form, text) {
        const base = 'api/status/' + seg(name);
        if (action === 'check') {
            const r = await call(base + '/check', 'POST');
            return 'checking ' + r.started + ' of ' + r.services + ' services';
        }
        if (action === 'annotate') {
            await call(base + '/annotations', 'POST', {text});
            return 'note added';
        }
        const body = {text, mode: form.elements.mode.value};
        const expiresIn = form.elements.expiresIn.value.trim();
        const ticket = form.elements.ticket.value.trim();
        if (expiresIn) body.expiresIn = expiresIn;
        if (ticket) body.ticket = ticket;
        if (form.elements.quiet.checked) body.quiet = true;
        await call(base + '/override', 'PUT', body);
        return 'overridden';
    }

    report(lines) {
        fill(byId('bulk-result'), el('ul', {}, lines.map(l => el('li', {}, l))));
    }
}
