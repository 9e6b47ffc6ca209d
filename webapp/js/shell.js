// The frame every page shares: the header with the user, logout, the live state and breadcrumbs from Top.
import {el, fill, byId} from './dom.js';
import {loadSession, csrfToken} from './api.js';
import {objectHref} from './status.js';

/** Loads the session and draws the header; answers the session ({user, roles, csrfToken}). */
export async function initShell(fullName) {
    window.addEventListener('unhandledrejection', e => pageError(e.reason));
    const session = await loadSession();
    const header = byId('top');
    const logout = el('button', {id: 'logout', type: 'button'}, 'Log out');
    logout.addEventListener('click', doLogout);
    fill(header,
        el('a', {class: 'brand', href: './'}, 'Argus'),
        el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumbs'}, crumbs(fullName)),
        el('div', {class: 'who'},
            el('span', {id: 'live-state', class: 'live-state', role: 'status', 'aria-live': 'polite'}, 'connecting'),
            el('span', {id: 'siren-slot'}),
            el('span', {id: 'user', title: (session.roles || []).join(', ')}, session.user),
            logout));
    return session;
}

function crumbs(fullName) {
    const list = el('ol');
    if (!fullName) {
        list.append(el('li', {}, el('a', {href: './', 'aria-current': 'page'}, 'Top')));
        return list;
    }
    const parts = splitName(fullName);
    let path = '';
    parts.forEach((part, i) => {
        path = i === 0 ? part : path + ':' + part;
        const last = i === parts.length - 1;
        list.append(el('li', {}, el('a', {href: objectHref(path), 'aria-current': last ? 'page' : null}, part)));
    });
    return list;
}

/** Top:Servers:mail -> [Top, Servers, mail]; an IPv6 host name (with ':' in it) stays whole inside [...]. */
export function splitName(fullName) {
    const parts = [];
    let current = '';
    let depth = 0;
    for (const ch of fullName) {
        if (ch === '[') depth++;
        if (ch === ']') depth = Math.max(0, depth - 1);
        if (ch === ':' && depth === 0) {
            parts.push(current);
            current = '';
        } else {
            current += ch;
        }
    }
    parts.push(current);
    return parts;
}

async function doLogout() {
    try {
        await fetch('auth/logout', {method: 'POST', headers: {'X-CSRF-Token': csrfToken()}, redirect: 'manual',
            credentials: 'same-origin'});
    } finally {
        location.assign('login.html');
    }
}

/** Shows the live state in the header: 'live' or 'stale' (with why). */
export function showLiveState(state, detail) {
    const node = byId('live-state');
    if (!node) {
        return;
    }
    node.className = 'live-state ' + state;
    node.textContent = state === 'live' ? '● live' : state === 'stale' ? '⚠ stale' + (detail ? ': ' + detail : '')
        : state;
    node.dataset.state = state;
}

/** An error the page could not handle itself, shown at the top. */
export function pageError(error) {
    const box = byId('page-error');
    if (box) {
        box.textContent = 'Something failed: ' + (error && error.message ? error.message : String(error));
        box.hidden = false;
    }
}
