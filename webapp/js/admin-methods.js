// The notification methods page (admins): every method in force with where it comes from, a form to add or change
// one (stored in the database), removal of those, and a test message sent at once with the method's own answer.
// Webhook headers (tokens) are write-only: the server never sends them back, so the form leaves them empty.
import {el, fill, byId} from './dom.js';
import {call, get, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {adminOnly, clearErrors, showProblem, note} from './admin-forms.js';
import {redraw} from './keep.js';
import {oneAtATime} from './once.js';

let testing = null;
// the method whose removal is being asked about: a redraw of the table (after saving another method, a resync)
// asks again in its row rather than taking the question away
let confirming = null;

async function main() {
    const session = await initShell();
    if (!adminOnly(session)) {
        return;
    }
    oneAtATime(byId('method-edit'), save);
    oneAtATime(byId('method-test'), sendTest);
    byId('method-test-close').addEventListener('click', closeTest);
    // the socket says live, notices a logout elsewhere and a new server run (methods are not pushed: a resync reloads)
    const live = new Live({resync: () => refresh()});
    showLiveState('connecting');
    live.start();
    await refresh();
    document.body.dataset.ready = 'true';
}

async function refresh() {
    const methods = await get('api/notify/methods');
    const head = el('tr', {}, ['Method', 'Kind', 'From', 'Command or URL', 'Queue time', 'Timeout', '']
        .map(h => el('th', {scope: 'col'}, h)));
    const table = byId('methods');
    redraw(table, () => fill(table, el('thead', {}, head), el('tbody', {}, methods.map(row))), {neighbour: true});
}

const SOURCES = {builtin: 'built-in', config: 'config Method block', api: 'set here'};

function row(m) {
    const actions = el('td', {class: 'actions'},
        button('Send test', 'test', () => openTest(m)), ' ',
        button(m.source === 'api' ? 'Edit' : 'Replace', 'edit', () => edit(m)));
    if (m.source === 'api' && confirming === m.name) {
        question(actions, m);
    } else if (m.source === 'api') {
        actions.append(' ', button('Remove', 'remove', e => askRemove(e.target.closest('td'), m)));
    }
    return el('tr', {dataset: {method: m.name, source: m.source}},
        el('td', {class: 'mono'}, m.name),
        el('td', {}, m.kind),
        el('td', {class: 'small'}, SOURCES[m.source] || m.source),
        el('td', {class: 'mono small'}, m.command || '', m.hasHeaders ? el('span', {class: 'muted'}, ' (+ headers)') : null),
        el('td', {}, m.qtime == null ? '' : m.qtime + ' s'),
        el('td', {}, m.timeoutSeconds == null ? '' : m.timeoutSeconds + ' s'),
        actions);
}

function button(text, action, onClick) {
    const b = el('button', {type: 'button', class: 'small', dataset: {action}}, text);
    b.addEventListener('click', onClick);
    return b;
}

/** Fills the form with a method to change (a built-in or config one is replaced by one stored here). */
function edit(m) {
    const form = byId('method-edit');
    clearErrors(form);
    const f = form.elements;
    f.name.value = m.name;
    f.kind.value = m.kind;
    f.command.value = m.command || '';
    f.send.value = m.send || '';
    f.headers.value = '';
    f.headers.placeholder = m.hasHeaders ? '(stored headers kept unless you type new ones)' : '';
    f.messageFmt.value = m.messageFmt || '';
    f.qtime.value = m.qtime == null ? '' : m.qtime;
    f.timeoutSeconds.value = m.timeoutSeconds == null ? '' : m.timeoutSeconds;
    f.nolotsmsgs.checked = !!m.nolotsmsgs;
    f.name.focus();
}

async function save(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    const f = form.elements;
    const name = f.name.value.trim();
    const body = {kind: f.kind.value, nolotsmsgs: f.nolotsmsgs.checked};
    for (const key of ['command', 'send', 'messageFmt']) {
        if (f[key].value.trim()) body[key] = f[key].value.trim();
    }
    if (f.headers.value.trim()) body.headers = f.headers.value.trim();
    for (const key of ['qtime', 'timeoutSeconds']) {
        if (f[key].value !== '') body[key] = Number(f[key].value);
    }
    if (!name) {
        showProblem(form, {message: 'A method needs a name', problem: {errors: [{field: 'name', message: 'a name is required'}]}});
        return;
    }
    try {
        await call('api/notify/methods/' + seg(name), 'PUT', body);
        f.headers.value = '';
        form.reset();
        note('methods-note', 'Saved method ' + name + '.');
        await refresh();
    } catch (e) {
        showProblem(form, e);
    }
}

function askRemove(cell, m) {
    confirming = m.name;
    question(cell, m);
    cell.querySelector('[data-action=confirm-remove]').focus();
}

function question(cell, m) {
    const yes = button('Remove ' + m.name, 'confirm-remove', async () => {
        confirming = null;
        try {
            await call('api/notify/methods/' + seg(m.name), 'DELETE');
            note('methods-note', 'Removed ' + m.name + '.');
        } catch (e) {
            note('methods-note', 'Not removed: ' + e.message);
        }
        await refresh();
    });
    const keep = button('Keep', 'keep', async () => {
        confirming = null;
        await refresh();
        // the focus goes back to the Remove button that asked
        byId('methods').querySelector('tr[data-method="' + CSS.escape(m.name) + '"] [data-action=remove]')?.focus();
    });
    fill(cell, el('span', {class: 'small'}, 'Remove this method? '), yes, ' ', keep);
}

function openTest(m) {
    testing = m.name;
    const form = byId('method-test');
    clearErrors(form);
    byId('method-test-result').textContent = '';
    fill(byId('method-test-heading'), 'Send a test through ', el('span', {class: 'mono'}, m.name));
    byId('method-test-panel').hidden = false;
    form.elements.to.focus();
}

function closeTest() {
    testing = null;
    byId('method-test-panel').hidden = true;
}

async function sendTest(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    const result = byId('method-test-result');
    result.textContent = 'Sending...';
    result.dataset.sent = '';
    try {
        const r = await call('api/notify/methods/' + seg(testing) + '/test', 'POST', {to: form.elements.to.value.trim()});
        result.dataset.sent = String(r.sent);
        result.textContent = r.sent
            ? 'Sent through ' + r.method + ' to ' + r.to + ' in ' + r.millis + ' ms.'
            : 'Not sent: ' + r.error;
    } catch (e) {
        result.textContent = '';
        showProblem(form, e);
    }
}

main();
