// Redrawing a part of a page without taking the user's place away: a live push, a refetch or a tree redraw
// replaces elements, and the one that had the keyboard focus would leave it on <body> (a key pressed then is lost,
// a screen reader starts over). The focused control is found again in the new elements by the rows it sits in
// (their names: data-full-name, data-user, ...) and by what it is, and focused without scrolling.

// data-* keys (as dataset names) that say which object, user, peer, method, notification, note or block a row is
const NAMES = ['fullName', 'user', 'tag', 'method', 'id', 'annotation', 'object', 'fact'];

/**
 * Runs draw() (which replaces what root holds, synchronously) and gives the focus back to the control that had it,
 * now drawn anew. A control whose row is gone goes, with {nearest: true}, to the same control of the nearest row
 * above it still there (a tree: the parent of a removed object), with {neighbour: true} to the same control of the
 * row now at that row's place in root (a list: the next one). Answers what draw() answered.
 */
export function redraw(root, draw, fallback = {}) {
    const mark = focusIn(root);
    const result = draw();
    if (mark) {
        restore(root, mark, fallback);
    }
    return result;
}

/** Removes a row of a list; the focus in it goes to the same control of the next row (or the one before). */
export function removeRow(item) {
    const list = item.parentElement;
    if (!list) {
        return;
    }
    redraw(list, () => item.remove(), {neighbour: true});
}

/** Where the focus is under root: the names of the rows around it, outermost first, and what the control is. */
export function focusIn(root) {
    const active = document.activeElement;
    if (!active || active === document.body || active === root || !root.contains(active)) {
        return null;
    }
    const rows = [];
    let outer = null;
    for (let n = active.parentElement; n && n !== root; n = n.parentElement) {
        const key = nameOf(n);
        if (key) {
            rows.unshift([key, n.dataset[key]]);
            outer = n;
        }
    }
    const place = outer ? topRows(root, rows[0][0]).indexOf(outer) : -1;
    return {rows, place, what: describe(active)};
}

/** Focuses the control marked, if it is drawn again (or where fallback says); answers whether it was. */
export function restore(root, mark, fallback = {}) {
    let row = root;
    let depth = 0;
    for (const [key, value] of mark.rows) {
        const next = [...row.querySelectorAll('[data-' + kebab(key) + ']')].find(n => n.dataset[key] === value);
        if (!next) break;
        row = next;
        depth++;
    }
    if (depth === mark.rows.length || (fallback.nearest && depth > 0)) {
        return focus(find(row, mark.what, depth === mark.rows.length));
    }
    const rows = mark.place >= 0 ? topRows(root, mark.rows[0][0]) : [];
    if (fallback.neighbour && rows.length > 0) {
        return focus(find(rows[Math.min(mark.place, rows.length - 1)], mark.what, false));
    }
    return false;
}

/** The rows named by key directly under root (not nested in another row), in order. */
function topRows(root, key) {
    return [...root.querySelectorAll('[data-' + kebab(key) + ']')].filter(n => owner(n, root) === root);
}

/** The control like `what` in row (not in a row nested in it); with exact, also its link's address. */
function find(row, what, exact) {
    return [...row.querySelectorAll(what.tag)]
        .find(e => owner(e, row) === row && same(describe(e), what, exact));
}

function focus(target) {
    if (!target) {
        return false;
    }
    target.focus({preventScroll: true});
    return document.activeElement === target;
}

function nameOf(node) {
    return node.dataset ? NAMES.find(k => k in node.dataset) : undefined;
}

/** The nearest row (an element with a name) above e, up to and including top. */
function owner(e, top) {
    for (let n = e.parentElement; n; n = n.parentElement) {
        if (n === top || nameOf(n)) return n;
    }
    return null;
}

/** What a control is, leaving out what a redraw may change in it (text, checked, expanded). */
function describe(e) {
    return {
        tag: e.tagName.toLowerCase(),
        id: e.id,
        name: e.getAttribute('name') || '',
        type: e.getAttribute('type') || '',
        action: e.dataset.action || '',
        cls: [...e.classList].sort().join(' '),
        href: e.tagName === 'A' ? e.getAttribute('href') || '' : ''
    };
}

function same(a, b, exact) {
    return Object.keys(a).every(k => a[k] === b[k] || (k === 'href' && !exact));
}

function kebab(key) {
    return key.replace(/[A-Z]/g, c => '-' + c.toLowerCase());
}
