// Calls to the server: JSON in and out, the session cookie, and the CSRF token on every change.
import {noteDatabase} from './dbbanner.js';

let session = null;

/** The logged-in user: {user, roles, csrfToken}; sends the browser to the login page without a session. */
export async function loadSession() {
    const response = await fetch('api/session', {headers: {Accept: 'application/json'}});
    noteDatabase(response);
    if (response.status === 401) {
        toLogin();
        throw new Error('not logged in');
    }
    if (!response.ok) {
        throw new Error('cannot read the session: HTTP ' + response.status);
    }
    session = await response.json();
    return session;
}

/** To the login form, which brings the user back here; it says the session ended when this page had one. */
export function toLogin() {
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
