// Creating under the selected object (a type picker from the server's catalog), moving it (with a preview of what
// it then inherits) and deleting it.
import {el, fill, byId} from './dom.js';
import {send, objectPath, clearErrors, showProblem, helpFor} from './admin-tree-api.js';
import {oneAtATime} from './once.js';

const TAIL_HELP = {
    NONE: '',
    ONE: 'optionally one part, e.g. a tag or a domain',
    REST_OF_TEXT: 'an SNMP OID, e.g. ifOperStatus.2 or sysUpTime.0',
    RPC: 'a program and an optional version, e.g. mountd/3',
    DNS_QUERY: 'optionally a query type and a name, e.g. A/www.example.com'
};

export class Forms {
    constructor(catalog, editor, onChanged) {
        this.catalog = catalog;
        this.editor = editor;
        this.onChanged = onChanged;
        const bases = catalog.services.filter(s => !s.app);
        fill(byId('create-kind'), catalog.kinds.map(k => el('option', {value: k}, k)));
        fill(byId('create-base'), bases.map(s => el('option', {value: s.base}, s.base)));
        byId('create-kind').addEventListener('change', () => this.drawPicker());
        byId('create-base').addEventListener('change', () => this.drawApps());
        byId('create-app').addEventListener('change', () => this.drawTypeParams());
        oneAtATime(byId('create-form'), e => { e.preventDefault(); return this.create(); });
        oneAtATime(byId('move-form'), e => { e.preventDefault(); return this.previewMove(); });
        byId('delete-object').addEventListener('click', () => { byId('delete-confirm').hidden = false; });
        byId('delete-confirm').addEventListener('click', () => this.remove());
        this.drawApps();
    }

    /** Called when an object is opened: only Top, groups and hosts hold others. */
    reset(object) {
        const holder = ['Top', 'Group', 'Host'].includes(object.kind);
        byId('create-panel').hidden = !holder;
        byId('move-panel').hidden = object.kind === 'Top';
        byId('delete-confirm').hidden = true;
        byId('delete-error').textContent = '';
        byId('move-parent').value = object.parent || '';
        clearErrors(byId('create-form'));
        clearErrors(byId('move-form'));
        this.drawPicker();
    }

    drawPicker() {
        const kind = byId('create-kind').value;
        byId('type-picker').hidden = kind !== 'Service';
        byId('create-target-row').hidden = kind !== 'Alias';
        this.drawTypeParams();
    }

    drawApps() {
        const base = byId('create-base').value;
        const entry = this.catalog.services.find(s => s.base === base && !s.app);
        const apps = this.catalog.services.filter(s => s.base === base && s.app);
        const options = entry.selectable ? [el('option', {value: ''}, '(none)')] : [];
        apps.forEach(a => options.push(el('option', {value: a.app}, a.app + (a.port ? ' (' + a.port + ')' : ''))));
        fill(byId('create-app'), options);
        byId('create-app').disabled = apps.length === 0;
        this.drawTypeParams();
    }

    entry() {
        const base = byId('create-base').value;
        const app = byId('create-app').value || null;
        return this.catalog.services.find(s => s.base === base && (s.app || null) === app);
    }

    /**
     * The chosen type's own parameters, each with its meaning and default as placeholder; those the type cannot do
     * without first and marked (TCP's port was one of some 25 in alphabetical order).
     */
    drawTypeParams() {
        const kind = byId('create-kind').value;
        const entry = this.entry();
        const box = byId('create-params');
        if (kind !== 'Service' || !entry) {
            fill(box);
            return;
        }
        byId('create-tail-row').hidden = entry.tail === 'NONE';
        byId('create-type-help').textContent = (TAIL_HELP[entry.tail] || '')
            + (entry.port ? (TAIL_HELP[entry.tail] ? '; ' : '') + 'port ' + entry.port : '');
        const required = entry.required || [];
        const keys = entry.parameters.filter(k => !this.catalog.parameters[k]?.deprecated && !required.includes(k));
        const field = (k, needed) => {
            const def = this.catalog.parameters[k] || {};
            return el('label', {title: helpFor(this.catalog, k), dataset: {required: String(needed)}},
                needed ? [k + ' ', el('strong', {}, '(required)'), ' '] : k + ' ',
                el('input', {name: 'param', dataset: {key: k}, autocomplete: 'off',
                    'aria-required': needed ? 'true' : null, placeholder: def.defaultValue ?? ''}),
                el('span', {class: 'muted small'}, ' ' + (def.description || '')),
                el('span', {class: 'field-error', dataset: {field: 'parameters.' + k}}));
        };
        fill(box,
            required.length === 0 ? null : [el('p', {class: 'small muted'}, 'Required for ' + entry.type + ':'),
                required.map(k => field(k, true))],
            el('p', {class: 'small muted'}, (required.length ? 'Other parameters' : 'Parameters of ' + entry.type)
                + ' (leave empty for the default or what is inherited):'),
            keys.map(k => field(k, false)));
    }

    typeText() {
        const entry = this.entry();
        const tail = byId('create-tail').value.trim();
        return entry.type + (entry.tail !== 'NONE' && tail ? '/' + tail : '');
    }

    async create() {
        const form = byId('create-form');
        clearErrors(form);
        const parent = this.editor.object.fullName;
        const kind = byId('create-kind').value;
        const spec = {kind};
        const name = byId('create-name').value.trim();
        if (name) spec.name = name;
        if (kind === 'Service') {
            spec.type = this.typeText();
            spec.parameters = [...form.querySelectorAll('input[name=param]')]
                .filter(i => i.value.trim() !== '')
                .map(i => ({key: i.dataset.key, value: i.value.trim()}));
        }
        if (kind === 'Alias') spec.target = byId('create-target').value.trim();
        try {
            const created = await send(objectPath(parent, '/children'), 'POST', spec);
            form.reset();
            byId('create-kind').value = kind;
            this.drawApps();
            this.onChanged(created.fullName);
        } catch (e) {
            showProblem(form, e);
        }
    }

    async previewMove() {
        const form = byId('move-form');
        clearErrors(form);
        const object = this.editor.object;
        const body = {parent: byId('move-parent').value.trim()};
        const path = objectPath(object.fullName, '/move');
        try {
            const preview = await send(path + '?dryRun=true', 'POST', body, object.version);
            this.editor.showPreview(preview, () => send(path, 'POST', body, object.version));
        } catch (e) {
            // failed() shows the problem at its field (it was shown twice: "no object named 'X'; no object ...")
            this.editor.failed(form, e);
        }
    }

    async remove() {
        const object = this.editor.object;
        byId('delete-error').textContent = '';
        try {
            await send(objectPath(object.fullName, object.children.length ? '?recursive=true' : ''), 'DELETE',
                undefined, object.version);
            await this.onChanged(object.parent);
            // the page moved on to the parent without a word: said, so the admin knows it was done
            this.editor.status('Deleted ' + object.fullName + (object.children.length ? ' and all under it.' : '.'));
        } catch (e) {
            byId('delete-error').textContent = e.message;
        }
    }
}
