// The stored Method, Resolv, snmpoid, schedule and cron blocks: a table, and an editor for one block's text whose
// save is checked by the server (errors by line, nothing stored) and refused when someone changed it meanwhile;
// a new block on an object; deleting one (asked twice). When the list, reloaded at each tree push, shows that
// someone else changed or deleted the open block, the editor says so at once and keeps what the admin typed.
import {el, fill, byId} from './dom.js';
import {get} from './api.js';
import {objectHref} from './status.js';
import {send, place} from './config-send.js';
import {redraw} from './keep.js';

export class Blocks {
    constructor() {
        this.open = null; // {id, version, object, keyword, name}; id null for a new block
        this.busy = false; // a save or delete of this page under way: its own change is not someone else's
        this.dismissed = null; // the change the admin chose to keep editing through
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
        const asked = this.open;
        const blocks = await get('api/config/blocks');
        this.draw(blocks);
        // a list asked for before this page's own save or delete came back may show it as someone else's
        if (this.open === asked && !this.busy) {
            this.checkOpen(blocks);
        }
    }

    draw(blocks) {
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
                    object: b.object, version: b.version}},
                el('td', {}, b.object.startsWith('#') ? b.object : el('a', {href: objectHref(b.object)}, b.object)),
                el('td', {class: 'mono'}, b.identity),
                el('td', {}, el('button', {type: 'button', class: 'block-edit', onclick: () => this.edit(b.id)},
                    'View / edit')))))), {neighbour: true});
    }

    async edit(id) {
        const block = await get('api/config/blocks/' + id);
        this.opened(block);
        this.show(titleOf(block), block.text);
    }

    /** The block as stored now, the one the editor's text is a change of. */
    opened(block) {
        this.open = {id: block.id, version: block.version, object: block.object, keyword: block.keyword,
            name: block.name};
    }

    /** An empty editor for a new block, on Top unless another object is named. */
    create() {
        this.open = {id: null, version: null};
        this.show('New block', '');
    }

    show(title, text) {
        const isNew = this.open.id === null;
        this.warn(null);
        this.dismissed = null;
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
        this.busy = true;
        try {
            await send('api/config/blocks/' + this.open.id, 'DELETE', null, 'text/plain',
                {'If-Match': '"' + this.open.version + '"'});
            this.close();
        } catch (e) {
            fill(byId('block-status'), el('span', {class: 'error', id: 'block-refused'}, '✖ Not deleted: ' + e.message));
        } finally {
            this.busy = false;
        }
        await this.load();
    }

    close() {
        this.open = null;
        this.warn(null);
        byId('block-editor').hidden = true;
    }

    async save() {
        if (!this.open) {
            return;
        }
        const status = byId('block-status');
        fill(status, 'Checking…');
        fill(byId('block-errors'));
        this.busy = true;
        try {
            const saved = this.open.id === null
                ? await send('api/config/blocks?object=' + encodeURIComponent(byId('block-object').value.trim()),
                    'POST', byId('block-text').value, 'text/plain')
                : await send('api/config/blocks/' + this.open.id, 'PUT', byId('block-text').value,
                    'text/plain', {'If-Match': '"' + this.open.version + '"'});
            this.opened(saved);
            this.show(titleOf(saved), saved.text);
            fill(status, el('span', {id: 'block-saved'}, '✔ Saved.'));
            this.showDiagnostics((saved.warnings || []).map(w => ({field: w.file + ':' + w.line,
                message: w.message, severity: 'warning'})));
        } catch (e) {
            fill(status, el('span', {class: 'error', id: 'block-refused'}, '✖ Not saved: ' + e.message));
            if (e.status === 409 || e.status === 404) {
                this.dismissed = null; // refused for someone else's change: the notice and its choices again
            }
            const errors = (e.problem && e.problem.errors) || [];
            this.showDiagnostics(errors.map(x => Object.assign({severity: 'error'}, x)));
        } finally {
            this.busy = false;
        }
        // also after a refusal: a 409 or 404 because someone else changed or deleted it is then said as a push would
        await this.load();
    }

    /**
     * The open block as the list shows it now. Changed (its version) or gone since it was opened: said at once, above
     * the text, which stays as typed (a save would be refused, 409). An import that wrote the object's blocks again
     * gives them new rows: the block of the same object, keyword and name is then the one it became.
     */
    checkOpen(blocks) {
        const open = this.open;
        if (!open || open.id === null) {
            return;
        }
        const current = blocks.find(b => b.id === open.id)
            || blocks.find(b => b.object === open.object && b.keyword === open.keyword && b.name === open.name);
        if (current && current.id === open.id && current.version === open.version) {
            this.warn(null);
            return;
        }
        const key = current ? current.id + ':' + current.version : 'deleted';
        if (key !== this.dismissed) {
            this.warn(current || {deleted: true}, key);
        }
    }

    /** The notice that someone else changed or deleted the open block; null takes it away. */
    warn(current, key) {
        const notice = byId('block-changed');
        if (!current) {
            notice?.remove();
            return;
        }
        if (notice && notice.dataset.key === key) {
            return; // said already: drawn again, a focused button of it would lose the focus
        }
        const box = notice || el('p', {id: 'block-changed', class: 'notice', role: 'alert'});
        box.dataset.key = key;
        box.dataset.state = current.deleted ? 'deleted' : 'changed';
        const keep = button('Keep editing', 'keep', () => {
            this.dismissed = key;
            this.warn(null);
            byId('block-text').focus();
        });
        const object = this.open.object;
        // changed once more while a button of the notice has the focus: the same button keeps it
        redraw(box, () => fill(box, current.deleted
            ? ['Someone else deleted this block after you opened it. What you typed is still here, but there is'
                + ' nothing left to save it over. ', button('Save what you typed as a new block on ' + object
                + ' instead', 'as-new', () => this.asNew(object))]
            : ['Someone else changed this block after you opened it',
                // renamed (or put on another object by an import): what it is now
                titleOf(current) !== titleOf(this.open) ? [' (it is now ', el('span', {class: 'mono'},
                    titleOf(current)), ')'] : null,
                '. What you typed is still here, but saving it will be refused. ',
            button('Load their version (replaces what you typed)', 'reload', () => this.edit(current.id))],
        ' ', keep));
        if (!notice) {
            byId('block-title').after(box);
        }
    }

    /** The open block was deleted: the editor becomes a new block's on the same object, with the text as typed. */
    asNew(object) {
        const text = byId('block-text').value;
        this.open = {id: null, version: null};
        this.show('New block (the one you were editing was deleted)', text);
        byId('block-object').value = object;
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

function titleOf(block) {
    return block.keyword + (block.name ? ' "' + block.name + '"' : '') + ' on ' + block.object;
}

function button(text, action, onclick) {
    return el('button', {type: 'button', dataset: {action}, onclick}, text);
}
