// The tree on the dashboard: a group's children are fetched when it opens, so the page stays small however large
// the tree; arrow keys move, open and close as in any tree view.
import {el, fill} from './dom.js';
import {get} from './api.js';
import {rowItem, prune} from './rows.js';
import {redraw} from './keep.js';

export class Tree {
    constructor(root, selection, onSeq) {
        this.root = root;
        this.selection = selection;
        this.onSeq = onSeq;
        this.open = new Set();
        // a load or search started later wins: an older answer that comes back last (a push's reload still on its
        // way when the user applied a filter) must not draw over what the user asked for since
        this.turns = 0;
        root.setAttribute('role', 'tree');
        root.addEventListener('keydown', e => this.key(e));
    }

    /**
     * Draws the children of Top, reopening the groups that were open; the row that had the focus has it again (or,
     * gone, the nearest row above it).
     */
    async load() {
        const turn = ++this.turns;
        const list = await this.children('Top');
        if (turn === this.turns) this.draw(list);
    }

    draw(list) {
        redraw(this.root, () => fill(this.root, list), {nearest: true});
        prune();
    }

    /** Search results by name and status (from the server, over the whole tree). */
    async search(q, statuses) {
        const turn = ++this.turns;
        const params = new URLSearchParams({parent: 'Top'});
        if (q) params.set('q', q);
        if (statuses.length) params.set('status', statuses.join(','));
        const data = await get('api/dashboard/children?' + params);
        this.onSeq(data.seq);
        if (turn !== this.turns) return;
        const rows = data.children.map(r => this.item(r, true, data.seq));
        if (data.truncated) {
            rows.push(more('Only the first ' + rows.length
                + ' matches are shown: narrow the filter to see the others.'));
        }
        this.draw(rows.length ? rows : el('li', {class: 'muted', id: 'no-match'}, 'Nothing matches.'));
    }

    async children(parent) {
        const data = await get('api/dashboard/children?parent=' + encodeURIComponent(parent));
        this.onSeq(data.seq);
        const items = [];
        for (const row of data.children) {
            const li = this.item(row, false, data.seq);
            items.push(li);
            if (row.hasChildren && this.open.has(row.fullName)) {
                await this.expand(li, row);
            }
        }
        if (data.truncated) {
            items.push(more('Only the first ' + items.length
                + ' are shown: find the others by name with the dashboard\'s filter.'));
        }
        return items;
    }

    item(row, flat, seq) {
        const li = rowItem(row, {
            fullLabel: flat, selection: this.selection, seq,
            toggle: flat ? null : (node, r) => this.toggle(node, r)
        });
        li.setAttribute('role', 'treeitem');
        if (row.hasChildren && !flat) {
            li.setAttribute('aria-expanded', String(this.open.has(row.fullName)));
        }
        return li;
    }

    toggle(li, row) {
        if (!row.hasChildren) {
            return el('span', {class: 'toggle-space', 'aria-hidden': 'true'});
        }
        const expanded = li.getAttribute('aria-expanded') === 'true';
        const button = el('button', {type: 'button', class: 'toggle', tabindex: '-1',
            'aria-label': (expanded ? 'close ' : 'open ') + row.fullName}, expanded ? '▾' : '▸');
        button.addEventListener('click', () => expanded ? this.collapse(li) : this.expand(li, li._row));
        return button;
    }

    async expand(li, row) {
        this.open.add(row.fullName);
        li.setAttribute('aria-expanded', 'true');
        this.redrawToggle(li);
        const group = el('ul', {role: 'group'}, el('li', {class: 'muted small'}, 'loading…'));
        li.querySelector(':scope > ul')?.remove();
        li.append(group);
        try {
            fill(group, await this.children(row.fullName));
        } catch (e) {
            fill(group, el('li', {class: 'error'}, 'cannot load: ' + e.message));
        }
    }

    collapse(li) {
        this.open.delete(li.dataset.fullName);
        li.setAttribute('aria-expanded', 'false');
        li.querySelector(':scope > ul')?.remove();
        this.redrawToggle(li);
        prune();
    }

    redrawToggle(li) {
        const old = li.querySelector(':scope > .row > .toggle');
        if (old) {
            const toggle = this.toggle(li, li._row);
            const focused = document.activeElement === old;
            old.replaceWith(toggle);
            if (focused) toggle.focus({preventScroll: true});
        }
    }

    /** Up/Down to the next visible row, Right opens (or goes to the first child), Left closes (or to the parent). */
    key(e) {
        const link = e.target.closest('a.name');
        if (!link || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
            return;
        }
        const li = link.closest('li[data-full-name]');
        const links = [...this.root.querySelectorAll('a.name')];
        const at = links.indexOf(link);
        let target = null;
        if (e.key === 'ArrowDown') target = links[at + 1];
        if (e.key === 'ArrowUp') target = links[at - 1];
        if (e.key === 'Home') target = links[0];
        if (e.key === 'End') target = links[links.length - 1];
        if (e.key === 'ArrowRight' && li.hasAttribute('aria-expanded')) {
            if (li.getAttribute('aria-expanded') === 'false') this.expand(li, li._row);
            else target = li.querySelector(':scope > ul a.name');
        }
        if (e.key === 'ArrowLeft') {
            if (li.getAttribute('aria-expanded') === 'true') this.collapse(li);
            else target = li.parentElement.closest('li[data-full-name]')?.querySelector(':scope > .row a.name');
        }
        e.preventDefault();
        if (target) target.focus();
    }
}

/** The row that says a list was cut short (the server sends a group's first 1,000 children, a search's first 500). */
function more(text) {
    return el('li', {class: 'muted small truncated', role: 'none'}, text);
}
