// The frame every page shares: the header with the user, logout, the live state and breadcrumbs from Top.
import {el, fill, byId} from './dom.js';
import {loadSession, csrfToken, get, restoreDrafts, isLoggedOut} from './api.js';
import {objectHref} from './status.js';

/**
 * Loads the session and draws the header; answers the session ({user, roles, csrfToken}). The breadcrumbs show only
 * on the pages about a tree object: the object's name, or null for Top (the dashboard); without one (admin, account,
 * notification pages) a lone "Top" meant nothing.
 */
export async function initShell(fullName) {
    window.addEventListener('unhandledrejection', e => {
        if (isLoggedOut(e.reason)) {
            e.preventDefault(); // on its way to the login form already: not an error of the page
            return;
        }
        pageError(e.reason);
    });
    // Back after a logout brought the page out of the browser's back-forward cache as it was, data and all: a
    // page restored so is loaded again, which asks for the login (and draws fresh data for someone logged in)
    window.addEventListener('pageshow', e => {
        if (e.persisted) {
            location.reload();
        }
    });
    const session = await loadSession();
    const header = byId('top');
    const logout = el('button', {id: 'logout', type: 'button'}, 'Log out');
    logout.addEventListener('click', doLogout);
    // a keyboard user otherwise tabs through a dozen header links on every page before reaching its content
    const main = document.querySelector('main');
    if (main) {
        main.id = main.id || 'content';
        main.tabIndex = -1;
    }
    fill(header,
        el('a', {class: 'skip', href: '#' + (main ? main.id : 'top')}, 'Skip to the content'),
        el('a', {class: 'brand', href: './'}, 'Argus'),
        pages(session),
        fullName === undefined ? null : el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumbs'}, crumbs(fullName)),
        el('div', {class: 'who'},
            el('span', {id: 'live-state', class: 'live-state', role: 'status', 'aria-live': 'polite'}, 'connecting'),
            el('span', {id: 'siren-slot'}),
            el('span', {id: 'user', title: (session.roles || []).join(', ')}, session.user),
            logout));
    refreshUnacked();
    const restored = restoreDrafts();
    if (restored > 0 && main) {
        main.prepend(el('p', {id: 'drafts-restored', class: 'notice', role: 'status'},
            'Your session had ended: what you had typed is back (' + restored + ' field'
            + (restored === 1 ? '' : 's') + '); send it again.'));
    }
    // nothing is pushed while the database is away: a light call now and then keeps the database banner right
    setInterval(() => get('api/session').catch(() => {}), 15000);
    return session;
}

let unackedPushes = 0;

/** The header's badge: how many notifications the user may see wait for an acknowledgement (/live keeps it). */
export function showUnacked(count) {
    const badge = byId('unacked-count');
    if (!badge || typeof count !== 'number') {
        return;
    }
    unackedPushes++;
    badge.textContent = String(count);
    badge.dataset.count = String(count);
    badge.title = count + ' waiting for an acknowledgement';
    badge.hidden = count === 0;
}

/** Reads the count afresh (page load, resync); a push that arrives meanwhile is newer and wins. */
export async function refreshUnacked() {
    const before = unackedPushes;
    try {
        const page = await get('api/notifications?state=active&limit=1');
        if (unackedPushes === before) {
            showUnacked(page.total);
        }
    } catch (e) {
        // the badge keeps what it showed; the page reports its own errors
    }
}

/**
 * The site's pages, one flat list so every page links to the others; the administrator's pages only for admins
 * (the server refuses the others anyway). Pages live at the top level: the scripts use relative URLs.
 */
const PAGES = [
    {href: './', label: 'Dashboard'},
    {href: 'notifications.html', label: 'Notifications', badge: 'unacked-count'},
    {href: 'admin-tree.html', label: 'Tree', role: 'admin'},
    {href: 'admin-config.html', label: 'Configs', role: 'admin'},
    {href: 'admin-peers.html', label: 'DARP peers', role: 'admin'},
    {href: 'admin-users.html', label: 'Users', role: 'admin'},
    {href: 'admin-methods.html', label: 'Methods', role: 'admin'},
    {href: 'account.html', label: 'Account'},
];

function pages(session) {
    const roles = session.roles || [];
    const here = location.pathname.substring(location.pathname.lastIndexOf('/') + 1) || './';
    const list = el('ul');
    for (const page of PAGES.filter(p => !p.role || roles.includes(p.role))) {
        const current = page.href === here || (page.href === './' && here === 'index.html');
        const link = el('a', {href: page.href, 'aria-current': current ? 'page' : null}, page.label);
        if (page.badge) {
            link.append(el('span', {id: page.badge, class: 'badge', hidden: true}));
        }
        list.append(el('li', {}, link));
    }
    return el('nav', {class: 'pages', 'aria-label': 'Pages'}, list);
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
    if (isLoggedOut(error)) {
        return;
    }
    const box = byId('page-error');
    if (box) {
        box.textContent = 'Something failed: ' + (error && error.message ? error.message : String(error));
        box.hidden = false;
    }
}
