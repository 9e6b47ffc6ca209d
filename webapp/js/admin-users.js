// The users page (admins): add a user, change a role, reset a password, disable or enable, delete. Passwords go
// only into request bodies; the server never answers one.
import {el, fill, byId, localTime} from './dom.js';
import {call, get, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {adminOnly, clearErrors, showProblem, typedTwice, note} from './admin-forms.js';
import {redraw} from './keep.js';
import {oneAtATime} from './once.js';

const ROLES = ['user', 'staff', 'admin'];
let me = null;
let resetting = null;
// what the admin chose in the table but has not saved, kept across a redraw of the table (after a change to
// another user, or a resync): a role chosen (user name -> {role, from: the role stored when it was chosen}) and the
// user whose deletion is being asked about
const roleDrafts = new Map();
let confirming = null;

async function main() {
    const session = await initShell();
    if (!adminOnly(session)) {
        return;
    }
    me = session.user;
    oneAtATime(byId('user-add'), add);
    oneAtATime(byId('user-password'), savePassword);
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
    const table = byId('users');
    redraw(table, () => fill(table, el('thead', {}, head), el('tbody', {}, users.map(row))), {neighbour: true});
}

/** The highest of a user's roles: the page gives each user one. */
function roleOf(u) {
    return ['admin', 'staff', 'user'].find(r => (u.roles || []).includes(r)) || 'user';
}

function row(u) {
    const stored = roleOf(u);
    const draft = roleDrafts.get(u.username);
    const role = el('select', {name: 'role', 'aria-label': 'Role of ' + u.username},
        ROLES.map(r => el('option', {value: r, selected: r === (draft ? draft.role : stored)}, r)));
    role.addEventListener('change', () => {
        const from = roleDrafts.get(u.username)?.from ?? stored;
        if (role.value === from) roleDrafts.delete(u.username);
        else roleDrafts.set(u.username, {role: role.value, from});
    });
    const saveRole = button('Save role', 'role', () => {
        roleDrafts.delete(u.username);
        return change(u, {roles: [role.value]}, u.username + ' is now ' + role.value + '.');
    });
    // the button turns into the other one: the focus follows it
    const toggle = u.enabled
        ? button('Disable', 'disable', () => change(u, {enabled: false}, u.username + ' is disabled.', 'enable'))
        : button('Enable', 'enable', () => change(u, {enabled: true}, u.username + ' is enabled again.', 'disable'));
    const actions = el('td', {class: 'actions'}, confirming === u.username ? deleteQuestion(u) : [
        button('Reset password', 'reset', () => openReset(u)), ' ', toggle,
        ' ', button('Delete', 'delete', e => askDelete(e.target.closest('td'), u))]);
    return el('tr', {dataset: {user: u.username, enabled: String(u.enabled)}},
        el('td', {class: 'mono'}, u.username, u.username === me ? el('span', {class: 'small muted'}, ' (you)') : null),
        el('td', {}, u.fullName || ''),
        el('td', {}, el('span', {class: 'inline'}, role, saveRole), draftNote(u.username, draft, stored)),
        el('td', {class: 'state'}, u.enabled ? 'enabled' : 'disabled'),
        el('td', {class: 'small'}, localTime(u.createdAt)),
        actions);
}

function button(text, action, onClick) {
    const b = el('button', {type: 'button', class: 'small', dataset: {action}}, text);
    b.addEventListener('click', onClick);
    return b;
}

async function change(u, body, done, then) {
    try {
        await call('api/users/' + seg(u.username), 'PUT', body);
        note('users-note', done);
    } catch (e) {
        note('users-note', 'Not changed: ' + e.message);
    }
    const focused = document.activeElement !== document.body;
    await refresh();
    if (then && focused && document.activeElement === document.body) {
        byId('users').querySelector('tr[data-user="' + CSS.escape(u.username) + '"] button[data-action=' + then + ']')
            ?.focus();
    }
}

/** A role chosen and not saved says so; stored differently meanwhile by someone else, it says that too. */
function draftNote(username, draft, stored) {
    if (!draft) {
        return null;
    }
    if (draft.role === stored) {
        roleDrafts.delete(username);
        return null;
    }
    return el('div', {class: 'small notice role-draft'}, draft.from === stored ? 'not saved yet'
        : 'not saved; someone else made it ' + stored + ' meanwhile');
}

function askDelete(cell, u) {
    confirming = u.username;
    fill(cell, deleteQuestion(u));
    cell.querySelector('button').focus();
}

function deleteQuestion(u) {
    const yes = button('Delete ' + u.username, 'confirm-delete', async () => {
        confirming = null;
        try {
            await call('api/users/' + seg(u.username), 'DELETE');
            note('users-note', 'Deleted ' + u.username + '.');
        } catch (e) {
            note('users-note', 'Not deleted: ' + e.message);
        }
        await refresh();
    });
    const keep = button('Keep', 'keep', async () => {
        confirming = null;
        await refresh();
        byId('users').querySelector('tr[data-user="' + CSS.escape(u.username) + '"] button[data-action=delete]')
            ?.focus();
    });
    return [el('span', {class: 'small'}, 'Delete this user? '), yes, ' ', keep];
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
