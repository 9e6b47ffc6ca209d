// The account page (everyone): who you are, and your own password changed (the current one is required).
import {el, fill, byId} from './dom.js';
import {call} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {clearErrors, showProblem, typedTwice} from './admin-forms.js';
import {oneAtATime} from './once.js';

async function main() {
    const session = await initShell();
    fill(byId('account-facts'),
        el('dt', {}, 'User'), el('dd', {id: 'account-user', class: 'mono'}, session.user),
        el('dt', {}, 'Roles'), el('dd', {id: 'account-roles'}, (session.roles || []).join(', ')));
    oneAtATime(byId('own-password'), change);
    const live = new Live({resync: () => {}});
    showLiveState('connecting');
    live.start();
    document.body.dataset.ready = 'true';
}

async function change(event) {
    event.preventDefault();
    const form = event.target;
    const done = byId('own-password-done');
    done.hidden = true;
    clearErrors(form);
    if (!typedTwice(form, 'newPassword', 'newPassword2', 'new password')) {
        return;
    }
    const body = {oldPassword: form.elements.oldPassword.value, newPassword: form.elements.newPassword.value};
    form.reset();
    try {
        await call('api/users/me/password', 'PUT', body);
        done.textContent = 'Your password is changed. Use the new one from your next login.';
        done.hidden = false;
    } catch (e) {
        showProblem(form, e);
    }
}

main();
