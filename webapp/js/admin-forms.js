// What the administrator's peers, users and account pages share: the admin-only gate, the server's field errors
// shown at their field, and passwords typed twice.
import {el, byId} from './dom.js';

/**
 * Shows the page's content (#admin-content or the id given, hidden until now) to an admin; to anyone else only "not
 * allowed", the content removed unseen (the server refuses the API calls anyway). Every admin page says it so, in
 * one wording. Answers whether the page may go on.
 */
export function adminOnly(session, contentId = 'admin-content') {
    const content = byId(contentId);
    if ((session.roles || []).includes('admin')) {
        content.hidden = false;
        return true;
    }
    content.remove();
    hideLiveState();
    document.querySelector('main').append(
        el('section', {class: 'panel', id: 'not-allowed', role: 'alert'},
            el('h1', {}, 'Not allowed'),
            el('p', {}, 'This page is for administrators. You are logged in as ' + session.user + ' ('
                + ((session.roles || []).join(', ') || 'no role') + ').'),
            el('p', {}, el('a', {href: './'}, 'Back to the dashboard'))));
    document.body.dataset.ready = 'true';
    return false;
}

/** Hides the header's live state on an admin page shown to a non-admin: no socket opens, "connecting" would stay. */
export function hideLiveState() {
    const liveState = byId('live-state');
    if (liveState) {
        liveState.hidden = true;
    }
}

/** Removes the errors a form shows. */
export function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(i => {
        i.removeAttribute('aria-invalid');
        i.removeAttribute('aria-describedby');
    });
    const general = form.querySelector('.form-error');
    if (general) {
        general.textContent = '';
    }
}

/**
 * Shows an error answer in the form: each of the problem's field errors under the input of that name (aliases maps
 * the server's field names to the form's), the rest (or the detail, when no field is named) in its .form-error.
 */
export function showProblem(form, error, aliases = {}) {
    clearErrors(form);
    const problem = error.problem || {};
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    const unplaced = [];
    for (const e of errors) {
        if (!fieldError(form, aliases[e.field] || e.field, e.message)) {
            unplaced.push(e.message);
        }
    }
    if (errors.length === 0 || unplaced.length > 0) {
        const general = form.querySelector('.form-error');
        const text = errors.length === 0 ? error.message : unplaced.join('; ');
        if (general) {
            general.textContent = text;
        }
    }
}

/** Puts a message under the form's input {@code name}; false when the form has no such input. */
export function fieldError(form, name, message) {
    const input = form.elements[name];
    if (!input || !input.closest) {
        return false;
    }
    const id = (form.id || 'form') + '-' + name + '-error';
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    const where = input.closest('label') || input;
    where.after(el('p', {class: 'field-error error small', id, role: 'alert', dataset: {field: name}}, message));
    return true;
}

/** The two password inputs agree and are not empty; else an error at the second and false. */
export function typedTwice(form, first, second, what = 'password') {
    const a = form.elements[first].value;
    const b = form.elements[second].value;
    if (!a) {
        fieldError(form, first, 'type the ' + what);
        return false;
    }
    if (a !== b) {
        fieldError(form, second, 'the two ' + what + 's differ: type the same ' + what + ' twice');
        return false;
    }
    return true;
}

/** A short note after a change, replaced by the next. */
export function note(id, text) {
    const box = byId(id);
    if (box) {
        box.textContent = text;
        box.hidden = !text;
    }
}
