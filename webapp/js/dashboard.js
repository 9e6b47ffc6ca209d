// The dashboard: what is wrong first, then the tree; kept current by /live without reloading.
import {el, fill, byId} from './dom.js';
import {get, canAct} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {badge} from './status.js';
import {rowItem, applyRow, prune} from './rows.js';
import {Tree} from './tree.js';
import {Selection} from './selection.js';
import {Live} from './live.js';
import {Siren} from './siren.js';
import {redraw, removeRow} from './keep.js';

const SUMMARY_EVERY_MS = 500;

let tree;
let selection;
let live;
let siren;
let summaryTimer = null;
let summaryRunning = false;
// the filter the tree shows: what was typed into the filter box counts only once applied (a redraw on a push
// keeps showing what the user asked for, not half a word they are typing)
let shownFilter = {q: '', statuses: []};

async function main() {
    const session = await initShell(null);
    selection = new Selection(canAct());
    live = new Live({status: onStatus, annotation: () => {}, tree: () => refreshAll(), resync: () => refreshAll()});
    tree = new Tree(byId('tree'), selection, seq => live.setSeq(seq));
    siren = new Siren(byId('siren-slot'), session.user);
    readFilter();
    shownFilter = filterValues();
    byId('filter').addEventListener('submit', e => { e.preventDefault(); applyFilter(); });
    byId('filter-clear').addEventListener('click', () => { byId('filter').reset(); applyFilter(); });
    showLiveState('connecting');
    await Promise.all([refreshSummary(), drawTree()]);
    live.start();
    document.body.dataset.ready = 'true';
}

function onStatus(row, seq) {
    applyRow(row, seq);
    if (row.fullName === 'Top' && row.counts) {
        drawCounts(row.counts);
    }
    if (row.displayStatus === 'up') {
        [...byId('problems').children].filter(li => li.dataset.fullName === row.fullName).forEach(removeRow);
    }
    scheduleSummary();
}

/** Many changes in a burst refetch the summary once, not once each. */
function scheduleSummary() {
    if (summaryTimer === null) {
        summaryTimer = setTimeout(async () => {
            summaryTimer = null;
            if (summaryRunning) {
                scheduleSummary();
                return;
            }
            summaryRunning = true;
            try {
                await refreshSummary();
            } finally {
                summaryRunning = false;
            }
        }, SUMMARY_EVERY_MS);
    }
}

async function refreshAll() {
    await Promise.all([refreshSummary(), drawTree()]);
}

async function refreshSummary() {
    const data = await get('api/dashboard/summary');
    live.setSeq(data.seq);
    drawCounts(data.counts || {});
    const list = byId('problems');
    // a row that came back up is gone: its focus goes to the row now in its place
    redraw(list, () => fill(list, data.problems.map(row => rowItem(row, {fullLabel: true, selection, seq: data.seq}))),
        {neighbour: true});
    byId('problems-empty').hidden = data.problems.length > 0;
    const more = data.problemsTotal - data.problems.length;
    byId('problems-more').textContent = more > 0 ? more + ' more not shown: filter the tree by status to see them.' : '';
    prune();
    siren.update(data.problems.filter(r => r.displayStatus === 'down').map(r => r.fullName));
}

function drawCounts(counts) {
    fill(byId('summary'), ['down', 'depends', 'override', 'unknown', 'up'].map(key =>
        el('span', {class: 'summary-count', dataset: {count: key}}, badge(key, key === 'down' ? 'critical' : null),
            ' ', el('strong', {}, String(counts[key] || 0)))));
}

function filterValues() {
    const form = byId('filter');
    const q = form.elements.q.value.trim();
    const statuses = [...form.querySelectorAll('input[name=status]:checked')].map(b => b.value);
    return {q, statuses};
}

function readFilter() {
    const params = new URLSearchParams(location.search);
    const form = byId('filter');
    form.elements.q.value = params.get('q') || '';
    const wanted = (params.get('status') || '').split(',');
    form.querySelectorAll('input[name=status]').forEach(b => { b.checked = wanted.includes(b.value); });
}

async function applyFilter() {
    const {q, statuses} = filterValues();
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (statuses.length) params.set('status', statuses.join(','));
    history.replaceState(null, '', params.toString() ? '?' + params : location.pathname);
    shownFilter = {q, statuses};
    await drawTree();
}

async function drawTree() {
    const {q, statuses} = shownFilter;
    const heading = byId('tree-heading');
    try {
        if (q || statuses.length) {
            heading.textContent = 'Matches';
            await tree.search(q, statuses);
        } else {
            heading.textContent = 'Tree';
            await tree.load();
        }
    } catch (e) {
        fill(byId('tree'), el('li', {class: 'error'}, 'cannot load the tree: ' + e.message));
    }
}

main().catch(e => {
    const box = byId('page-error');
    box.textContent = 'The page could not load: ' + e.message;
    box.hidden = false;
});
