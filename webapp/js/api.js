// Calls to the server: JSON in and out, the session cookie, and the CSRF token on every change.
import {noteDatabase} from './dbbanner.js';

let session = null;

/** The logged-in user: {user, roles, csrfToken}; sends the browser to the login page without a session. */
export async function loadSession() {
    const response = await fetch('api/session', {headers: {Accept: 'application/json'}});
    noteDatabase(response);
    if (response.status === 401) {
        toLogin();
        throw new ApiError(401, {title: 'not logged in'});
    }
    if (!response.ok) {
        throw new Error('cannot read the session: HTTP ' + response.status);
    }
    session = await response.json();
    return session;
}

/** To the login form, which brings the user back here; it says the session ended when this page had one. */
export function toLogin() {
    keepDrafts();
    const next = location.pathname + location.search;
    location.assign('login.html?next=' + encodeURIComponent(next) + (session !== null ? '&ended=1' : ''));
}

/** Staff and admins override, annotate and check now; plain users read. */
export function canAct() {
    const roles = session ? session.roles || [] : [];
    return roles.includes('staff') || roles.includes('admin');
}

/** Whether a fresh answer of api/session names another user or other roles than the page was drawn for. */
export function sessionChanged(fresh) {
    const roles = r => [...(r || [])].sort().join(',');
    return session !== null && (fresh.user !== session.user || roles(fresh.roles) !== roles(session.roles));
}

export function csrfToken() {
    return session ? session.csrfToken : '';
}

/** A full name as one path segment ('/' in service names as %2F). */
export function seg(fullName) {
    return encodeURIComponent(fullName);
}

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'HTTP ' + status);
        this.status = status;
        this.problem = problem;
    }
}

/**
 * GET (or another method with a JSON body); answers the parsed JSON, null for 204, ApiError otherwise. extra: more
 * request headers (If-Match, say).
 */
export async function call(path, method = 'GET', body = undefined, extra = {}) {
    const headers = {...extra, Accept: 'application/json'};
    if (method !== 'GET') {
        headers['X-CSRF-Token'] = csrfToken();
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin', redirect: 'manual'
    });
    noteDatabase(response);
    if (response.status === 401 || response.type === 'opaqueredirect') {
        toLogin();
        throw new ApiError(401, {title: 'not logged in'});
    }
    if (response.status === 204) {
        return null;
    }
    const text = await response.text();
    let data = null;
    try {
        data = text ? JSON.parse(text) : null;
    } catch (e) {
        data = {detail: text};
    }
    if (!response.ok) {
        throw new ApiError(response.status, data);
    }
    return data;
}

export const get = path => call(path);

const DRAFTS = 'argus.drafts';

/**
 * What the user typed in this page's forms, kept in the tab's sessionStorage while a lapsed session sends them to
 * the login form, so a half-written note or form comes back with the page. Never passwords, files, hidden fields
 * or a form marked data-no-drafts (the methods' forms: their headers and commands may hold secrets).
 */
function keepDrafts() {
    const typed = {};
    document.querySelectorAll('form[id] input[name], form[id] textarea[name], form[id] select[name]').forEach(f => {
        const skip = ['password', 'hidden', 'file', 'checkbox', 'radio', 'submit', 'button'];
        // a form marked data-no-drafts may hold secrets (a method's headers): never kept in the browser's storage
        if (!skip.includes(f.type) && f.value && f.form && f.form.id !== 'login-form'
            && !f.form.hasAttribute('data-no-drafts')) {
            typed[f.form.id + '/' + f.name] = f.value;
        }
    });
    try {
        if (Object.keys(typed).length > 0) {
            const user = session ? session.user : null; // given back to the same user only, not to whoever logs in
            sessionStorage.setItem(DRAFTS, JSON.stringify({page: location.pathname + location.search, user, typed}));
        }
    } catch (e) {
        // storage full or refused: the login goes ahead, the draft is lost as it was before
    }
}

/** Puts what keepDrafts kept for this page back into its empty fields; answers how many it filled. */
export function restoreDrafts() {
    let kept = null;
    try {
        kept = JSON.parse(sessionStorage.getItem(DRAFTS) || 'null');
        sessionStorage.removeItem(DRAFTS);
    } catch (e) {
        return 0;
    }
    if (!kept || kept.page !== location.pathname + location.search || typeof kept.typed !== 'object'
        || !session || kept.user !== session.user) {
        return 0;
    }
    let filled = 0;
    for (const [key, value] of Object.entries(kept.typed)) {
        const [formId, name] = key.split('/', 2);
        const form = document.getElementById(formId);
        const field = form && form.elements ? form.elements.namedItem(name) : null;
        if (field && 'value' in field && !field.value && typeof value === 'string') {
            field.value = value;
            field.dispatchEvent(new Event('input', {bubbles: true}));
            filled++;
        }
    }
    return filled;
}

/** A call refused for want of a session has already sent the page to the login form: nothing more to show. */
export function isLoggedOut(error) {
    return error instanceof ApiError && error.status === 401;
}
