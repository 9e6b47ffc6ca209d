// The DARP peers page (admins): each peer with its link, kept current by /live ("peers" pushes), and the forms to
// add a slave, edit a peer, rotate its secret and delete it. A save names the version it was opened at (If-Match):
// when another admin saved first, the server refuses it and the form says so.
import {el, fill, byId, when} from './dom.js';
import {call, get, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {badge, objectHref} from './status.js';
import {adminOnly, clearErrors, showProblem, typedTwice, note} from './admin-forms.js';
import {redraw} from './keep.js';
import {oneAtATime} from './once.js';

let peers = [];
let watched = new Set();
let loading = null;
let again = false;
let editing = null; // {tag, version, open(peer)}: the form open, at the version it was opened at
let confirming = null; // {tag, version}: the deletion the page is asking about; a refresh (every second while a
// slave reports) draws the question again rather than taking it away, and the deletion names the version asked about

async function main() {
    const session = await initShell();
    if (!adminOnly(session)) {
        return;
    }
    oneAtATime(byId('peer-add'), add);
    oneAtATime(byId('peer-edit'), saveEdit);
    oneAtATime(byId('peer-secret'), saveSecret);
    byId('peer-edit-cancel').addEventListener('click', closeForms);
    byId('peer-secret-cancel').addEventListener('click', closeForms);
    const live = new Live({
        peers: () => refresh(),
        status: row => { if (watched.has(row.fullName)) refresh(); },
        tree: () => refresh(),
        resync: () => refresh()
    });
    showLiveState('connecting');
    live.start();
    await refresh();
    document.body.dataset.ready = 'true';
}

/** Fetches peers and links again; one fetch at a time, and one more if asked meanwhile. */
async function refresh() {
    if (loading) {
        again = true;
        return loading;
    }
    loading = (async () => {
        try {
            do {
                again = false;
                const [list, links] = await Promise.all([get('api/darp/peers'), get('api/darp/connections')]);
                peers = list;
                draw(list, links);
            } while (again);
        } finally {
            loading = null;
        }
    })();
    return loading;
}

function draw(list, links) {
    const byTag = new Map(links.map(l => [l.tag, l]));
    watched = new Set(links.flatMap(l => (l.watches || []).map(w => w.fullName)));
    const table = byId('peers');
    const head = el('tr', {}, ['Tag', 'Role', 'Label', 'Allowed from', 'Link', 'Connected since', 'Last heard',
        'Reports', 'DARP/Watch', ''].map(h => el('th', {scope: 'col'}, h)));
    const rows = list.map(p => row(p, byTag.get(p.tag)));
    redraw(table, () => fill(table, el('thead', {}, head), el('tbody', {}, rows.length ? rows
        : el('tr', {}, el('td', {colspan: 10, class: 'muted'}, 'No DARP peers yet.')))), {neighbour: true});
    warnIfChanged(list);
    document.body.dataset.peersDrawn = String(Date.now());
}

/**
 * The open form's peer changed (or went) since the form was opened: said at once, above the form, with what the
 * admin typed left as it is; saving would be refused (412), loading the current version replaces their input.
 */
function warnIfChanged(list) {
    const panel = byId('peer-edit-panel').hidden ? byId('peer-secret-panel') : byId('peer-edit-panel');
    const warning = byId('peer-changed');
    if (!editing || panel.hidden) {
        warning?.remove();
        return;
    }
    const current = list.find(p => p.tag === editing.tag);
    if (current && current.updatedAt === editing.version) {
        warning?.remove();
        return;
    }
    const text = current
        ? editing.tag + ' was changed by someone else after you opened this form: saving it will be refused. '
        : editing.tag + ' was deleted by someone else after you opened this form: there is nothing left to save.';
    const box = warning || el('p', {id: 'peer-changed', class: 'notice', role: 'alert'});
    fill(box, text, current ? button('Load the current version (replaces what you typed)', 'reload',
        () => editing.open(current)) : null);
    if (!warning) {
        panel.querySelector('h2').after(box);
    }
}

function row(p, link) {
    const state = link ? link.state : 'never';
    const connected = state === 'connected';
    const actions = el('td', {class: 'actions'}, confirming && confirming.tag === p.tag ? deleteQuestion(p) : [
        button('Edit', 'edit', () => openEdit(p)),
        button('Rotate secret', 'rotate', () => openSecret(p)),
        button('Delete', 'delete', e => askDelete(e.target.closest('td'), p))]);
    return el('tr', {dataset: {tag: p.tag, version: p.updatedAt}},
        el('td', {class: 'mono'}, p.tag),
        el('td', {}, p.role),
        el('td', {}, p.label || '', p.remoteUrl ? [' ', el('a', {href: safeUrl(p.remoteUrl), rel: 'noopener'},
            p.remoteUrl)] : null),
        el('td', {class: 'mono small'}, (p.allowedAddresses || []).join(' ')),
        el('td', {class: 'link', dataset: {state}},
            badge(connected ? 'up' : state === 'never' ? 'unknown' : 'down', connected ? null : 'major'),
            ' ', state, link && link.reason ? el('div', {class: 'small muted'}, link.reason) : null,
            p.secretSet ? null : el('div', {class: 'small error'}, 'no secret set')),
        el('td', {}, link && link.since && connected ? when(link.since) : ''),
        el('td', {}, link && link.lastHeard ? when(link.lastHeard) : ''),
        el('td', {class: 'reports'}, link && link.lastSeq != null ? String(link.lastSeq) : ''),
        el('td', {class: 'watches'}, (link && link.watches || []).map(w =>
            el('div', {dataset: {fullName: w.fullName}}, badge(w.displayStatus), ' ',
                el('a', {href: objectHref(w.fullName)}, w.fullName)))),
        actions);
}

function button(text, action, onClick) {
    const b = el('button', {type: 'button', class: 'small', dataset: {action}}, text);
    b.addEventListener('click', onClick);
    return b;
}

/** Only http(s) links are made links; anything else stays text. */
function safeUrl(url) {
    return /^https?:\/\//i.test(url) ? url : '#';
}

function closeForms() {
    editing = null;
    byId('peer-changed')?.remove();
    for (const id of ['peer-edit', 'peer-secret']) {
        const form = byId(id);
        clearErrors(form);
        form.reset();
        byId(id + '-panel').hidden = true;
    }
}

/** The form keeps the version the admin saw when opening it, whatever the live list shows later. */
function openEdit(p) {
    closeForms();
    const form = byId('peer-edit');
    form.elements.allowedAddresses.value = (p.allowedAddresses || []).join(' ');
    form.elements.remoteUrl.value = p.remoteUrl || '';
    form.elements.label.value = p.label || '';
    editing = {tag: p.tag, version: p.updatedAt, open: openEdit};
    fill(byId('peer-edit-heading'), 'Edit peer ', el('span', {class: 'mono'}, p.tag));
    byId('peer-edit-panel').hidden = false;
    form.elements.allowedAddresses.focus();
}

function openSecret(p) {
    closeForms();
    editing = {tag: p.tag, version: p.updatedAt, open: openSecret};
    fill(byId('peer-secret-heading'), 'Rotate the secret of ', el('span', {class: 'mono'}, p.tag));
    byId('peer-secret-panel').hidden = false;
    byId('peer-secret').elements.secret.focus();
}

async function saveEdit(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    const f = form.elements;
    const body = {allowedAddresses: words(f.allowedAddresses.value), remoteUrl: f.remoteUrl.value.trim(),
        label: f.label.value.trim()};
    try {
        await send('api/darp/peers/' + seg(editing.tag), 'PUT', body, editing.version);
        const tag = editing.tag;
        closeForms();
        note('peers-note', 'Saved the changes to ' + tag + '.');
        await refresh();
    } catch (e) {
        showProblem(form, e);
        offerReload(form, e, openEdit);
    }
}

/** After a stale save: a button that opens the form again on the version saved meanwhile (the list shows it). */
function offerReload(form, error, open) {
    if ((error.status !== 412 && error.status !== 409) || !editing) {
        return;
    }
    const tag = editing.tag;
    const reload = button('Load the current version', 'reload', async () => {
        await refresh();
        const current = peers.find(p => p.tag === tag);
        if (current) {
            open(current);
        }
    });
    form.querySelector('.form-error').append(' ', reload);
}

async function saveSecret(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    if (!typedTwice(form, 'secret', 'secret2', 'secret')) {
        return;
    }
    const secret = form.elements.secret.value;
    form.elements.secret.value = '';
    form.elements.secret2.value = '';
    try {
        await send('api/darp/peers/' + seg(editing.tag) + '/secret', 'PUT', {secret}, editing.version);
        const tag = editing.tag;
        closeForms();
        note('peers-note', 'The secret of ' + tag + ' is rotated: give the slave the new one.');
        await refresh();
    } catch (e) {
        showProblem(form, e);
        offerReload(form, e, openSecret);
    }
}

function askDelete(cell, p) {
    confirming = {tag: p.tag, version: p.updatedAt};
    fill(cell, deleteQuestion(p));
    cell.querySelector('button').focus();
}

function deleteQuestion(p) {
    const yes = button('Delete ' + p.tag, 'confirm-delete', async () => {
        const version = confirming ? confirming.version : p.updatedAt;
        confirming = null;
        try {
            await send('api/darp/peers/' + seg(p.tag), 'DELETE', undefined, version);
            note('peers-note', 'Deleted ' + p.tag + '.');
        } catch (e) {
            note('peers-note', 'Not deleted: ' + e.message);
        }
        await refresh();
    });
    const no = button('Keep it', 'keep', async () => {
        confirming = null;
        await refresh();
        byId('peers').querySelector('tr[data-tag="' + CSS.escape(p.tag) + '"] button[data-action=delete]')?.focus();
    });
    return [el('span', {class: 'small'}, 'Delete this peer? '), yes, ' ', no];
}

async function add(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    if (!typedTwice(form, 'secret', 'secret2', 'secret')) {
        return;
    }
    const f = form.elements;
    const body = {tag: f.tag.value.trim(), role: 'slave', allowedAddresses: words(f.allowedAddresses.value),
        secret: f.secret.value};
    if (f.remoteUrl.value.trim()) body.remoteUrl = f.remoteUrl.value.trim();
    if (f.label.value.trim()) body.label = f.label.value.trim();
    f.secret.value = '';
    f.secret2.value = '';
    try {
        await call('api/darp/peers', 'POST', body);
        form.reset();
        note('peers-note', 'Added the slave ' + body.tag + '.');
        await refresh();
    } catch (e) {
        showProblem(form, e);
    }
}

/** A change naming the version it was made against. */
function send(path, method, body, version) {
    return call(path, method, body, {'If-Match': '"' + version + '"'});
}

function words(text) {
    return text.split(/[\s,]+/).filter(w => w.length > 0);
}

main();
