// The selected object: its name, type or target, own parameters (with key!: as "local") and inherited ones with
// where each comes from. Saving an object that has children shows what changes below it first.
import {el, fill, byId} from './dom.js';
import {get} from './api.js';
import {send, objectPath, clearErrors, showProblem, checkValue, helpFor, drawPreview} from './admin-tree-api.js';
import {oneAtATime} from './once.js';

export class Editor {
    /** onChanged(fullName): after a write, with the object's new full name; shows it again (a promise). */
    constructor(catalog, onChanged) {
        this.catalog = catalog;
        this.onChanged = onChanged;
        this.object = null;
        this.pending = null;
        oneAtATime(byId('object-form'), e => { e.preventDefault(); return this.save(); });
        byId('reset-object').addEventListener('click', () => this.open(this.object.fullName));
        byId('add-param').addEventListener('click', () => this.addRow({key: '', value: '', local: false}, true));
        byId('preview-cancel').addEventListener('click', () => this.hidePreview());
        byId('preview-apply').addEventListener('click', () => this.applyPending());
        fill(byId('param-keys'), Object.keys(catalog.parameters).map(k => el('option', {value: k})));
    }

    async open(fullName) {
        const object = await get(objectPath(fullName));
        this.object = object;
        this.hidePreview();
        this.status('');
        clearErrors(byId('editor'));
        byId('editor-heading').textContent = object.fullName;
        byId('editor-empty').hidden = true;
        byId('editor-body').hidden = false;
        byId('editor-body').dataset.fullName = object.fullName;
        byId('object-kind').textContent = object.kind + (object.type ? ' ' + object.type : '');
        byId('object-version').textContent = object.version;
        byId('object-name').value = object.name;
        byId('object-name').disabled = object.kind === 'Top';
        byId('object-type').value = object.type || '';
        byId('type-row').hidden = object.kind !== 'Service';
        byId('object-target').value = object.target || '';
        byId('target-row').hidden = object.kind !== 'Alias';
        fill(byId('own-params'));
        object.parameters.forEach(p => this.addRow(p, false));
        this.drawInherited(object);
        return object;
    }

    /**
     * The tree changed (a push): when it was the open object, by another admin or an import, say so at once. What
     * the admin typed stays in the form (a save would be refused, 412, and say so again); Reset loads the new one.
     */
    async checkCurrent() {
        const shown = this.object;
        if (!shown) return;
        let current = null;
        try {
            current = await get(objectPath(shown.fullName));
        } catch (e) {
            if (e.status !== 404) return;
        }
        if (this.object !== shown || (current && current.version === shown.version)) return;
        this.status(current
            ? shown.fullName + ' was changed by someone else after you opened it (now version ' + current.version
                + '). What you typed is still here, but saving it will be refused: Reset shows their version.'
            : shown.fullName + ' was deleted by someone else after you opened it: there is nothing left to save.',
        true);
    }

    drawInherited(object) {
        const rows = object.effectiveParameters.filter(p => p.source !== object.fullName);
        fill(byId('inherited-params'), rows.map(p => el('tr', {dataset: {key: p.key}},
            el('td', {class: 'mono', title: helpFor(this.catalog, p.key)}, p.key),
            el('td', {}, p.value),
            el('td', {}, p.source),
            el('td', {}, el('button', {type: 'button', class: 'link',
                onclick: () => this.addRow({key: p.key, value: p.value, local: false}, true)}, 'set here')))));
    }

    addRow(p, focus) {
        const key = el('input', {type: 'text', name: 'key', value: p.key, list: 'param-keys', 'aria-label': 'key',
            autocomplete: 'off'});
        const value = el('input', {type: 'text', name: 'value', value: p.value, 'aria-label': 'value',
            autocomplete: 'off'});
        const local = el('input', {type: 'checkbox', name: 'local', 'aria-label': 'local (key!:)'});
        local.checked = !!p.local;
        const error = el('span', {class: 'field-error', dataset: {field: 'parameters.' + p.key}});
        const help = el('div', {class: 'muted small'}, helpFor(this.catalog, p.key));
        const tr = el('tr', {dataset: {key: p.key}},
            el('td', {}, key), el('td', {class: 'help'}, value, help, error), el('td', {}, local),
            el('td', {}, el('button', {type: 'button', class: 'link', onclick: () => tr.remove()}, 'remove')));
        const check = () => {
            tr.dataset.key = key.value.trim();
            error.dataset.field = 'parameters.' + key.value.trim();
            help.textContent = helpFor(this.catalog, key.value.trim());
            const verdict = checkValue(this.catalog, key.value.trim(), value.value);
            error.textContent = verdict.error || '';
            error.className = verdict.error ? 'field-error' : verdict.warning ? 'field-warning' : 'field-error';
            if (verdict.warning) error.textContent = verdict.warning;
            value.setAttribute('aria-invalid', verdict.error ? 'true' : 'false');
        };
        key.addEventListener('input', check);
        value.addEventListener('input', check);
        byId('own-params').append(tr);
        if (focus) (p.key ? value : key).focus();
    }

    /** The change the form describes; only what differs from the object is sent. */
    collect() {
        const o = this.object;
        const change = {};
        const name = byId('object-name').value.trim();
        if (name !== o.name) change.name = name;
        const type = byId('object-type').value.trim();
        if (o.kind === 'Service' && type !== (o.type || '')) change.type = type;
        const target = byId('object-target').value.trim();
        if (o.kind === 'Alias' && target !== (o.target || '')) change.target = target;
        change.parameters = [...byId('own-params').children].map(tr => ({
            key: tr.querySelector('input[name=key]').value.trim(),
            value: tr.querySelector('input[name=value]').value,
            local: tr.querySelector('input[name=local]').checked
        }));
        return change;
    }

    async save() {
        const form = byId('object-form');
        clearErrors(form);
        if (form.querySelector('[aria-invalid=true]')) {
            showProblem(form, {message: 'fix the marked values first'});
            return;
        }
        const change = this.collect();
        const path = objectPath(this.object.fullName);
        const version = this.object.version;
        if (this.object.children.length === 0) {
            await this.write(form, () => send(path, 'PUT', change, version));
            return;
        }
        try {
            const preview = await send(path + '?dryRun=true', 'PUT', change, version);
            this.showPreview(preview, () => send(path, 'PUT', change, version));
        } catch (e) {
            this.failed(form, e);
        }
    }

    /** A dry run's answer with Apply and Cancel; apply() does the write. */
    showPreview(preview, apply) {
        drawPreview(byId('preview-rows'), byId('preview-summary'), preview);
        this.pending = apply;
        byId('preview').hidden = false;
        byId('preview-apply').focus();
    }

    hidePreview() {
        this.pending = null;
        byId('preview').hidden = true;
    }

    async applyPending() {
        const apply = this.pending;
        this.hidePreview();
        if (apply) await this.write(byId('object-form'), apply);
    }

    /** Runs a write; then shows the object as stored (its new version), or the problem at its fields. */
    async write(form, action) {
        try {
            const written = await action();
            const name = written && written.fullName ? written.fullName : this.object.fullName;
            await this.onChanged(name);
            this.status('Saved.');
        } catch (e) {
            this.failed(form, e);
        }
    }

    failed(form, e) {
        showProblem(form, e);
        if (e.status === 412) {
            this.status('Another administrator changed ' + this.object.fullName + ' after you loaded it; your change '
                + 'was not saved. Reset to see theirs, then make yours again.', true);
        }
    }

    status(text, stale = false) {
        const box = byId('editor-status');
        box.textContent = text;
        box.hidden = !text;
        box.dataset.stale = String(stale);
    }
}
