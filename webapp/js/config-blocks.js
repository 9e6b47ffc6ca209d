// The stored Method, Resolv, snmpoid, schedule and cron blocks: a table, and an editor for one block's text whose
// save is checked by the server (errors by line, nothing stored) and refused when someone changed it meanwhile;
// a new block on an object; deleting one (asked twice).
import {el, fill, byId} from './dom.js';
import {get} from './api.js';
import {objectHref} from './status.js';
import {send, place} from './config-send.js';
import {redraw} from './keep.js';

export class Blocks {
    constructor() {
        this.open = null; // {id, version}; id null for a new block
        byId('block-save').addEventListener('click', () => this.save());
        byId('block-cancel').addEventListener('click', () => this.close());
        byId('block-new').addEventListener('click', () => this.create());
        byId('block-delete').addEventListener('click', () => {
            byId('block-delete-confirm').hidden = false;
            byId('block-delete-confirm').focus();
        });
        byId('block-delete-confirm').addEventListener('click', () => this.remove());
    }

    async load() {
        const blocks = await get('api/config/blocks');
        const table = byId('blocks');
        if (blocks.length === 0) {
            fill(table, el('tbody', {}, el('tr', {}, el('td', {class: 'muted'},
                'None stored: import a config with Method, Resolv, snmpoid, schedule or cron blocks.'))));
            return;
        }
        // drawn again at every tree push (an import by anyone): a focused button keeps the focus
        redraw(table, () => fill(table,
            el('thead', {}, el('tr', {}, el('th', {}, 'object'), el('th', {}, 'block'), el('th', {}, ''))),
            el('tbody', {}, blocks.map(b => el('tr', {dataset: {id: String(b.id), identity: b.identity,
                    object: b.object}},
                el('td', {}, b.object.startsWith('#') ? b.object : el('a', {href: objectHref(b.object)}, b.object)),
                el('td', {class: 'mono'}, b.identity),
                el('td', {}, el('button', {type: 'button', class: 'block-edit', onclick: () => this.edit(b.id)},
                    'View / edit')))))), {neighbour: true});
    }

    async edit(id) {
        const block = await get('api/config/blocks/' + id);
        this.open = {id: block.id, version: block.version};
        this.show(block.keyword + (block.name ? ' "' + block.name + '"' : '') + ' on ' + block.object, block.text);
    }

    /** An empty editor for a new block, on Top unless another object is named. */
    create() {
        this.open = {id: null, version: null};
        this.show('New block', '');
    }

    show(title, text) {
        const isNew = this.open.id === null;
        byId('block-editor').hidden = false;
        byId('block-editor').dataset.id = isNew ? '' : String(this.open.id);
        byId('block-object-label').hidden = !isNew;
        byId('block-delete').hidden = isNew;
        byId('block-delete-confirm').hidden = true;
        fill(byId('block-title'), title);
        byId('block-text').value = text;
        fill(byId('block-status'));
        fill(byId('block-errors'));
        byId('block-text').focus();
    }

    async remove() {
        byId('block-delete-confirm').hidden = true;
        try {
            await send('api/config/blocks/' + this.open.id, 'DELETE', null, 'text/plain',
                {'If-Match': '"' + this.open.version + '"'});
            this.close();
            await this.load();
        } catch (e) {
            fill(byId('block-status'), el('span', {class: 'error', id: 'block-refused'}, '✖ Not deleted: ' + e.message));
        }
    }

    close() {
        this.open = null;
        byId('block-editor').hidden = true;
    }

    async save() {
        if (!this.open) {
            return;
        }
        const status = byId('block-status');
        fill(status, 'Checking…');
        fill(byId('block-errors'));
        try {
            const saved = this.open.id === null
                ? await send('api/config/blocks?object=' + encodeURIComponent(byId('block-object').value.trim()),
                    'POST', byId('block-text').value, 'text/plain')
                : await send('api/config/blocks/' + this.open.id, 'PUT', byId('block-text').value,
                    'text/plain', {'If-Match': '"' + this.open.version + '"'});
            this.open = {id: saved.id, version: saved.version};
            this.show(saved.keyword + (saved.name ? ' "' + saved.name + '"' : '') + ' on ' + saved.object, saved.text);
            byId('block-text').value = saved.text;
            fill(status, el('span', {id: 'block-saved'}, '✔ Saved.'));
            this.showDiagnostics((saved.warnings || []).map(w => ({field: w.file + ':' + w.line,
                message: w.message, severity: 'warning'})));
            await this.load();
        } catch (e) {
            fill(status, el('span', {class: 'error', id: 'block-refused'}, '✖ Not saved: ' + e.message));
            const errors = (e.problem && e.problem.errors) || [];
            this.showDiagnostics(errors.map(x => Object.assign({severity: 'error'}, x)));
        }
    }

    /** Each error or warning with its line; a click selects that line in the text. */
    showDiagnostics(items) {
        fill(byId('block-errors'), items.map(item => {
            const at = place(item.field);
            const text = (at ? 'line ' + at.line + ': ' : '') + item.message;
            return el('li', {class: 'sev-' + item.severity, dataset: {line: at ? String(at.line) : ''}},
                el('span', {class: 'sev'}, item.severity + ' '),
                at ? el('button', {type: 'button', class: 'link', onclick: () => selectLine(at.line)}, text) : text);
        }));
    }
}

function selectLine(line) {
    const area = byId('block-text');
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || '').length);
}
