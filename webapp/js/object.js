// The object page: everything the server knows about one object, kept current by /live.
import {el, fill, byId, when, localTime} from './dom.js';
import {get, canAct, call, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {badge, objectHref} from './status.js';
import {rowItem, applyRow, prune} from './rows.js';
import {Live} from './live.js';
import {OverridePanel} from './override.js';
import {Annotations} from './annotations.js';
import {History} from './history.js';
import {Graphs} from './graphs.js';
import {drawDarp} from './darp.js';
import {NotificationTable} from './notices.js';
import {redraw} from './keep.js';

const name = new URLSearchParams(location.search).get('name') || 'Top';
const base = 'api/status/' + seg(name);
let override;
let annotations;
let history;
let notices;
// a service's graphs, which take in its new results as they come
let graphs = null;
// info, note, details and comment from the effective parameters, shown with the status facts
let info = [];
// an alias's target, shown with the status facts (the alias's own page said nothing of what it stands for)
let aliasOf = [];

async function main() {
    document.title = name + ' · Argus';
    await initShell(name);
    const staff = canAct();
    override = new OverridePanel(base, staff, refreshStatus);
    annotations = new Annotations(base, staff);
    history = new History(base);
    notices = new NotificationTable(byId('object-notifications'), {staff, select: false, showObject: false,
        onAck: ackDone});
    byId('object-notify-all').href = 'notifications.html?'
        + new URLSearchParams({state: 'all', object: name, exact: 'true'});
    const live = new Live({
        status: (row, seq) => {
            applyRow(row, seq);
            if (row.fullName === name) {
                refreshStatus();
                // the servers' table too: drawn once at load, it said "unknown, never" after the first result
                loadDarp();
                history.changed();
                if (graphs) graphs.refresh();
            }
        },
        annotation: fullName => { if (fullName === name) annotations.load(); },
        tree: () => refreshObject(),
        notification: msg => { if ((msg.objects || []).includes(name)) loadNotifications(); },
        resync: () => refreshAll()
    });
    showLiveState('connecting');
    live.start();
    const obj = await refreshObject();
    byId('actions').hidden = !staff;
    byId('check-now').addEventListener('click', checkNow);
    if (obj.kind === 'Service') {
        byId('graphs-panel').hidden = false;
        graphs = new Graphs(base, forecasts(obj.effectiveParameters || []));
        graphs.load('36h');
    }
    await Promise.all([refreshStatus(), annotations.load(), history.load(), loadDarp(), loadNotifications()]);
    document.body.dataset.ready = 'true';
}

/**
 * Whether the service has a Holt-Winters forecast to ask for: a maxdeviation (plain or per severity) above 0, as the
 * server decides it (ForecastSettings); any other service's forecast is a 404, an error in the console.
 */
function forecasts(params) {
    const keys = ['maxdeviation', 'maxdeviation.critical', 'maxdeviation.major', 'maxdeviation.minor',
        'maxdeviation.warning'];
    return params.some(p => keys.includes(p.key) && Number(p.value) > 0);
}

async function refreshAll() {
    await Promise.all([refreshObject(), refreshStatus(), annotations.load(), history.load(), loadDarp(),
        loadNotifications()]);
    if (graphs) graphs.refresh();
}

/** This object's ten newest notifications, waiting or not. */
async function loadNotifications() {
    const page = await get('api/notifications?' + new URLSearchParams({object: name, exact: 'true', limit: '10'}));
    notices.draw(page.items);
}

async function ackDone(promise) {
    const out = byId('object-notify-result');
    try {
        await promise;
        out.textContent = 'acknowledged';
        out.className = 'small';
    } catch (e) {
        out.textContent = 'Not acknowledged: ' + e.message;
        out.className = 'error';
    }
    await loadNotifications();
}

async function refreshObject() {
    const obj = await get('api/objects/' + seg(name));
    fill(byId('object-name'), obj.fullName);
    fill(byId('object-kind'), [obj.kind, obj.type, obj.label].filter(Boolean).join(' · '));
    aliasOf = obj.kind === 'Alias' && obj.target
        ? [['Alias of', el('a', {href: objectHref(obj.target)}, obj.target)]] : [];
    drawParameters(obj.effectiveParameters || []);
    const children = await get(base + '/children');
    byId('children-panel').hidden = children.length === 0;
    redraw(byId('children'), () => fill(byId('children'), children.map(c => rowItem(c, {}))), {neighbour: true});
    prune();
    return obj;
}

async function refreshStatus() {
    const st = await get(base);
    fill(byId('object-badge'), badge(st.displayStatus, st.severity));
    const facts = [
        ['Status', st.status + (st.displayStatus !== st.status ? ' (shows ' + st.displayStatus + ')' : '')],
        ['Severity', st.severity || ''],
        ['Reason', st.reason],
        ['Since', st.since ? [localTime(st.since), ' (', when(st.since), ')'] : null],
        ['Last result', st.result],
        ['Checked', st.checkedAt ? [localTime(st.checkedAt), ' (', when(st.checkedAt), ')'] : null],
        ['Elapsed', st.elapsedMs != null ? st.elapsedMs.toFixed(1) + ' ms' : null],
        ['Failures in a row', st.failures ? String(st.failures) : null],
        ['Last failure', st.lastFailure],
        ['Depends', dependsList(st)],
        ['Ancestor overridden', st.ancestorOverride ? el('a', {href: objectHref(st.ancestorOverride)},
            st.ancestorOverride) : null],
        ['Counts', st.counts ? Object.entries(st.counts).filter(([, n]) => n > 0).map(([k, n]) => n + ' ' + k)
            .join(', ') : null]
    ].concat(aliasOf, info);
    const list = byId('object-facts');
    redraw(list, () => fill(list, facts.filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => [el('dt', {}, k), el('dd', {dataset: {fact: k}}, v)])));
    override.draw(st.override);
}


function dependsList(st) {
    if (!st.depends || st.depends.length === 0) {
        return null;
    }
    return el('span', {}, st.depends.map((d, i) => [i > 0 ? ', ' : '',
        el('a', {href: objectHref(d.fullName)}, d.fullName), ' (' + d.status + ')',
        d.fullName === st.dependsOn ? ' ← why it shows depends' : '']));
}

function drawParameters(params) {
    info = params.filter(p => ['info', 'note', 'details', 'comment'].includes(p.key))
        .map(p => [p.key[0].toUpperCase() + p.key.substring(1), p.value]);
    fill(byId('parameters'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Parameter'), el('th', {}, 'Value'), el('th', {}, 'From'))),
        el('tbody', {}, params.length === 0
            ? el('tr', {}, el('td', {colspan: '3', class: 'muted'}, 'None: every parameter has its default.'))
            : params.map(p => el('tr', {dataset: {param: p.key}},
            el('td', {class: 'mono'}, p.key), el('td', {class: 'mono'}, p.value),
            el('td', {}, p.source === name ? 'here' : el('a', {href: objectHref(p.source)}, p.source))))));
}

async function loadDarp() {
    try {
        drawDarp(await get('api/darp/objects/' + seg(name)));
    } catch (e) {
        fill(byId('darp-combined'), el('span', {class: 'muted'}, 'No DARP view: ' + e.message));
    }
}

async function checkNow() {
    const out = byId('check-result');
    try {
        const r = await call(base + '/check', 'POST');
        out.textContent = 'checking ' + r.started + ' of ' + r.services + ' services';
    } catch (e) {
        out.textContent = 'check now failed: ' + e.message;
    }
}

main().catch(e => {
    const box = byId('page-error');
    if (e.status === 404) {
        // a link to an object removed or renamed since, or one this user may not see: said plainly, with a way on
        fill(box, 'There is no object ', el('span', {class: 'mono'}, name), ' (removed, renamed, or not one you may'
            + ' see). ', el('a', {href: './'}, 'Back to the dashboard'));
        box.dataset.missing = 'true';
    } else {
        box.textContent = 'The page could not load: ' + e.message;
    }
    box.hidden = false;
});
