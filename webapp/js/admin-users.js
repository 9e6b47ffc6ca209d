// The users page (admins): add a user, change a role, reset a password, disable or enable, delete. Passwords go
// only into request bodies; the server never answers one.
import {el, fill, byId, localTime} from './dom.js';
import {call, get, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {adminOnly, clearErrors, showProblem, typedTwice, note} from './admin-forms.js';

const ROLES = ['user', 'staff', 'admin'];
let me = null;
let resetting = null;

async function main() {
    const session = await initShell();
    if (!adminOnly(session)) {
        return;
    }
    me = session.user;
    byId('user-add').addEventListener('submit', add);
    byId('user-password').addEventListener('submit', savePassword);
    byId('user-password-cancel').addEventListener('click', closeReset);
    const live = new Live({resync: () => refresh()});
    showLiveState('connecting');
    live.start();
    await refresh();
    document.body.dataset.ready = 'true';
}

async function refresh() {
    const users = await get('api/users');
    const head = el('tr', {}, ['User', 'Full name', 'Role', 'State', 'Created', ''].map(h => el('th', {scope: 'col'}, h)));
    fill(byId('users'), el('thead', {}, head), el('tbody', {}, users.map(row)));
}

/** The highest of a user's roles: the page gives each user one. */
function roleOf(u) {
    return ['admin', 'staff', 'user'].find(r => (u.roles || []).includes(r)) || 'user';
}

function row(u) {
    const role = el('select', {name: 'role', 'aria-label': 'Role of ' + u.username},
        ROLES.map(r => el('option', {value: r, selected: r === roleOf(u)}, r)));
    const saveRole = button('Save role', 'role', () => change(u, {roles: [role.value]},
        u.username + ' is now ' + role.value + '.'));
    const toggle = u.enabled
        ? button('Disable', 'disable', () => change(u, {enabled: false}, u.username + ' is disabled.'))
        : button('Enable', 'enable', () => change(u, {enabled: true}, u.username + ' is enabled again.'));
    const actions = el('td', {class: 'actions'}, button('Reset password', 'reset', () => openReset(u)), ' ', toggle,
        ' ', button('Delete', 'delete', e => askDelete(e.target.closest('td'), u)));
    return el('tr', {dataset: {user: u.username, enabled: String(u.enabled)}},
        el('td', {class: 'mono'}, u.username, u.username === me ? el('span', {class: 'small muted'}, ' (you)') : null),
        el('td', {}, u.fullName || ''),
        el('td', {}, el('span', {class: 'inline'}, role, saveRole)),
        el('td', {class: 'state'}, u.enabled ? 'enabled' : 'disabled'),
        el('td', {class: 'small'}, localTime(u.createdAt)),
        actions);
}

function button(text, action, onClick) {
    const b = el('button', {type: 'button', class: 'small', dataset: {action}}, text);
    b.addEventListener('click', onClick);
    return b;
}

async function change(u, body, done) {
    try {
        await call('api/users/' + seg(u.username), 'PUT', body);
        note('users-note', done);
    } catch (e) {
        note('users-note', 'Not changed: ' + e.message);
    }
    await refresh();
}

function askDelete(cell, u) {
    const yes = button('Delete ' + u.username, 'confirm-delete', async () => {
        try {
            await call('api/users/' + seg(u.username), 'DELETE');
            note('users-note', 'Deleted ' + u.username + '.');
        } catch (e) {
            note('users-note', 'Not deleted: ' + e.message);
        }
        await refresh();
    });
    fill(cell, el('span', {class: 'small'}, 'Delete this user? '), yes, ' ', button('Keep', 'keep', () => refresh()));
}

function openReset(u) {
    closeReset();
    resetting = u.username;
    fill(byId('user-password-heading'), 'Reset the password of ', el('span', {class: 'mono'}, u.username));
    byId('user-password-panel').hidden = false;
    byId('user-password').elements.password.focus();
}

function closeReset() {
    resetting = null;
    const form = byId('user-password');
    clearErrors(form);
    form.reset();
    byId('user-password-panel').hidden = true;
}

async function savePassword(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    if (!typedTwice(form, 'password', 'password2')) {
        return;
    }
    const password = form.elements.password.value;
    form.elements.password.value = '';
    form.elements.password2.value = '';
    try {
        await call('api/users/' + seg(resetting), 'PUT', {password});
        note('users-note', 'The password of ' + resetting + ' is reset.');
        closeReset();
    } catch (e) {
        showProblem(form, e);
    }
}

async function add(event) {
    event.preventDefault();
    const form = event.target;
    clearErrors(form);
    if (!typedTwice(form, 'password', 'password2')) {
        return;
    }
    const f = form.elements;
    const body = {username: f.username.value.trim(), roles: [f.roles.value], password: f.password.value};
    if (f.fullName.value.trim()) body.fullName = f.fullName.value.trim();
    f.password.value = '';
    f.password2.value = '';
    try {
        await call('api/users', 'POST', body);
        form.reset();
        note('users-note', 'Added ' + body.username + ' (' + body.roles[0] + ').');
        await refresh();
    } catch (e) {
        showProblem(form, e);
    }
}

main();
