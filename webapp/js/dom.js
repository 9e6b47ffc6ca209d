// Building the page from data: every name and text goes in as text (textContent), never as HTML.

/** An element: el('a', {href: x, class: 'name'}, 'text', child, ...). Attributes are set one by one. */
export function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'class') {
            e.className = value;
        } else if (key === 'dataset') {
            Object.assign(e.dataset, value);
        } else if (key.startsWith('on') && typeof value === 'function') {
            e.addEventListener(key.substring(2), value);
        } else {
            e.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(e, children);
    return e;
}

function append(parent, children) {
    for (const c of children) {
        if (c === undefined || c === null || c === false) {
            continue;
        }
        if (Array.isArray(c)) {
            append(parent, c);
        } else {
            parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
        }
    }
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

export function byId(id) {
    return document.getElementById(id);
}

/**
 * The browser's local time with its zone ("…, 3:40:00 AM UTC"): the server's notification texts use the server's
 * zone, and an operator comparing the two must see which zone each is in.
 */
const ZONED = {year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit',
    second: '2-digit', timeZoneName: 'short'};

/** "5 min ago" style, with the full local time in the title. */
export function when(iso) {
    if (!iso) {
        return el('span', {class: 'since'}, '');
    }
    const t = new Date(iso);
    return el('time', {datetime: iso, title: t.toLocaleString(undefined, ZONED), class: 'since'}, ago(t));
}

export function ago(t) {
    const s = Math.round((Date.now() - t.getTime()) / 1000);
    if (s < 5) return 'just now';
    if (s < 60) return s + ' s ago';
    if (s < 3600) return Math.floor(s / 60) + ' min ago';
    if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min ago';
    return Math.floor(s / 86400) + ' d ago';
}

export function localTime(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, ZONED) : '';
}
