// Notes left on the object, newest first; staff add and remove them.
import {el, fill, byId, when} from './dom.js';
import {call, get} from './api.js';
import {problemText} from './override.js';
import {redraw} from './keep.js';
import {oneAtATime} from './once.js';

export class Annotations {
    constructor(base, staff) {
        this.base = base;
        this.staff = staff;
        const form = byId('annotation-form');
        form.hidden = !staff;
        oneAtATime(form, e => this.add(e));
    }

    async load() {
        const items = await get(this.base + '/annotations?limit=100');
        const list = byId('annotations');
        if (items.length === 0) {
            fill(list, el('li', {class: 'muted'}, 'No notes.'));
            return;
        }
        // a push of another note redraws the list: a focused remove button stays focused (or the next one's)
        redraw(list, () => fill(list, items.map(a => {
            const remove = this.staff ? el('button', {type: 'button', class: 'link annotation-remove',
                'aria-label': 'remove the note by ' + a.user}, 'remove') : null;
            if (remove) {
                remove.addEventListener('click', () => this.remove(a.id));
            }
            return el('li', {class: 'row', dataset: {annotation: String(a.id)}},
                el('span', {class: 'annotation-text'}, a.text),
                el('span', {class: 'muted small'}, '— ' + a.user), when(a.at), remove);
        })), {neighbour: true});
    }

    async add(event) {
        event.preventDefault();
        const form = event.target;
        try {
            await call(this.base + '/annotations', 'POST', {text: form.elements.text.value.trim()});
            form.reset();
            byId('annotation-error').textContent = '';
        } catch (e) {
            byId('annotation-error').textContent = problemText(e);
        }
        await this.load();
    }

    async remove(id) {
        try {
            await call(this.base + '/annotations/' + id, 'DELETE');
        } catch (e) {
            byId('annotation-error').textContent = problemText(e);
        }
        await this.load();
    }
}
