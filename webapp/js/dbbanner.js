// The banner that says the database cannot be reached: the server then marks every API answer with
// Argus-Database: unavailable (docs/reliability.md, "Database outage"). And the one that says this server is the
// standby of a master pair, whose statuses are a copy of what the active one stored (Argus-Role: standby,
// Argus-Statuses-As-Of, Argus-Active; docs/reliability.md, "Active/standby master").
import {el, byId, fill} from './dom.js';

/** A copy older than this (the standby reads every 5 s) says the database or the active one may be away. */
const STALE_MS = 30000;

/** Shows or hides the banners after an API answer, from its Argus-Database and Argus-Role headers. */
export function noteDatabase(response) {
    noteStandby(response);
    const away = response.headers.get('Argus-Database') === 'unavailable';
    let banner = byId('db-banner');
    if (!away) {
        if (banner) {
            banner.hidden = true;
        }
        return;
    }
    if (!banner) {
        banner = el('div', {id: 'db-banner', class: 'db-banner', role: 'alert'},
            'The database cannot be reached: statuses are read from memory and not stored yet; '
            + 'changes are refused until it is back.');
        document.body.prepend(banner);
    }
    banner.hidden = false;
}

function noteStandby(response) {
    let banner = byId('standby-banner');
    if (response.headers.get('Argus-Role') !== 'standby') {
        if (banner) {
            banner.hidden = true;
        }
        return;
    }
    if (!banner) {
        banner = el('div', {id: 'standby-banner', class: 'db-banner', role: 'status'},
            el('span', {class: 'standby-text'}), el('span', {class: 'standby-active'}), '.');
        document.body.prepend(banner);
    }
    const asOf = new Date(response.headers.get('Argus-Statuses-As-Of') || 0);
    const age = Date.now() - asOf.getTime();
    const url = response.headers.get('Argus-Active') || '';
    // every API answer comes here: only what changed is written, so the link to the active server is not
    // replaced (a keyboard user on it keeps the focus) and a banner that says the same is not laid out again
    setText(banner.querySelector('.standby-text'),
        'This server is the standby of a master pair: statuses as of ' + asOf.toLocaleTimeString(undefined, {timeZoneName: 'short'})
        + (age > STALE_MS ? ' (not read for ' + Math.round(age / 1000) + ' s: the database or the active server'
            + ' may be away)' : '')
        + ', copied from what the active one stored. Checks and overrides are made on ');
    const active = banner.querySelector('.standby-active');
    if (active.dataset.url !== url) {
        active.dataset.url = url;
        fill(active, /^https?:\/\//.test(url) ? el('a', {href: url}, url) : 'the active server');
    }
    banner.hidden = false;
}

function setText(node, text) {
    if (node.textContent !== text) {
        node.textContent = text;
    }
}
