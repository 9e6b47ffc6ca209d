// One object as a row (problems, tree, search results), and every row on the page by full name, so that a change
// pushed by the server updates each of them in place.
import {el, fill, when} from './dom.js';
import {badge, countBadges, objectHref} from './status.js';
import {redraw} from './keep.js';

const shown = new Map();

/**
 * options: {fullLabel: show the full name, toggle: a node put before the badge, selection: Selection or null,
 * seq: the seq of the answer the row comes from (a push numbered below it is older than the row)}
 */
export function rowItem(row, options = {}) {
    const li = el('li', {dataset: {fullName: row.fullName}});
    li._options = options;
    li._seq = options.seq || 0;
    li.append(el('div', {class: 'row'}));
    renderRow(li, row);
    register(li);
    return li;
}

function register(li) {
    const name = li.dataset.fullName;
    if (!shown.has(name)) {
        shown.set(name, new Set());
    }
    shown.get(name).add(li);
}

/**
 * Applies a pushed row (numbered seq) to every place it is shown, except where the row was drawn from an answer
 * newer than the push (a push still on its way when the list was fetched); answers how many there were.
 */
export function applyRow(row, seq = 0) {
    const items = shown.get(row.fullName);
    if (!items) {
        return 0;
    }
    let n = 0;
    for (const li of [...items]) {
        if (!li.isConnected) {
            items.delete(li);
            continue;
        }
        if (seq < li._seq) {
            continue;
        }
        li._seq = seq;
        renderRow(li, row);
        const line = li.querySelector(':scope > .row');
        line.classList.remove('flash');
        void line.offsetWidth;
        line.classList.add('flash');
        n++;
    }
    return n;
}

/** Forgets rows no longer in the page (after a list was redrawn). */
export function prune() {
    for (const [name, items] of shown) {
        for (const li of items) {
            if (!li.isConnected) items.delete(li);
        }
        if (items.size === 0) shown.delete(name);
    }
}

function renderRow(li, row) {
    const options = li._options;
    li._row = row;
    li.dataset.status = row.displayStatus || 'unknown';
    li.dataset.severity = row.severity || '';
    const line = li.querySelector(':scope > .row');
    const selection = options.selection;
    const check = selection && selection.enabled ? selection.checkbox(row.fullName) : null;
    const label = options.fullLabel ? row.fullName : row.name;
    // a keyboard user's link, toggle or box keeps the focus when the row's status changes under it
    redraw(line, () => fill(line,
        check,
        options.toggle ? options.toggle(li, row) : null,
        badge(row.displayStatus, row.severity),
        el('a', {class: 'name', href: objectHref(row.fullName), title: row.fullName}, label),
        row.type ? el('span', {class: 'muted small'}, row.type) : null,
        row.counts ? countBadges(row.counts) : null,
        row.reason ? el('span', {class: 'reason'}, row.reason) : el('span', {class: 'reason'}),
        row.since ? when(row.since) : null));
}
