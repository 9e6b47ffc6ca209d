// The notification list: newest first, a page at a time, unacknowledged or all, by object; staff acknowledge
// several or all. Kept current by /live: a notification created, acknowledged, sent or failed reloads the page.
import {byId} from './dom.js';
import {get, canAct} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {NotificationTable, ackMany, ackAll} from './notices.js';

const PAGE = 50;
const RELOAD_AFTER_MS = 300;

let table;
let offset = 0;
let reloadTimer = null;
let loading = null;
// the filter the list shows; what is typed into the form counts once submitted (a reload on a push keeps showing
// what the user asked for, not half a name they are typing)
let shown = {state: 'active', object: '', exact: false};
const STATES = ['active', 'all', 'acked'];

async function main() {
    await initShell();
    const staff = canAct();
    table = new NotificationTable(byId('notifications'), {staff, select: staff, showObject: true, onAck: acked});
    byId('notify-actions').hidden = !staff;
    readFilter();
    byId('notify-filter').addEventListener('submit', e => {
        e.preventDefault();
        offset = 0;
        shown = formFilter();
        writeFilter();
        load();
    });
    byId('notify-newer').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
    byId('notify-older').addEventListener('click', () => { offset += PAGE; load(); });
    byId('ack-selected').addEventListener('click', () => {
        const ids = table.selected();
        if (ids.length === 0) {
            byId('ack-result').textContent = 'Select the notifications to acknowledge first.';
            return;
        }
        acked(ackMany(ids));
    });
    byId('ack-all').addEventListener('click', () => acked(ackAll()));
    const live = new Live({status: () => {}, annotation: () => {}, tree: () => {}, notification: () => later(),
        resync: () => load()});
    showLiveState('connecting');
    live.start();
    await load();
    document.body.dataset.ready = 'true';
}

/** A burst of pushes reloads the page once. */
function later() {
    if (reloadTimer === null) {
        reloadTimer = setTimeout(() => { reloadTimer = null; load(); }, RELOAD_AFTER_MS);
    }
}

function load() {
    if (loading) {
        return loading.then(() => later());
    }
    loading = draw().finally(() => { loading = null; });
    return loading;
}

async function draw() {
    const params = new URLSearchParams({offset: String(offset), limit: String(PAGE)});
    if (shown.state !== 'all') {
        params.set('state', shown.state);
    }
    if (shown.object) {
        params.set('object', shown.object);
        if (shown.exact) {
            params.set('exact', 'true');
        }
    }
    const page = await get('api/notifications?' + params);
    table.draw(page.items);
    const last = Math.min(page.offset + page.items.length, page.total);
    byId('notify-page').textContent = page.total === 0 ? '' : (page.offset + 1) + '–' + last + ' of ' + page.total;
    byId('notify-newer').disabled = page.offset === 0;
    byId('notify-older').disabled = last >= page.total;
}

async function acked(promise) {
    const out = byId('ack-result');
    try {
        const answer = await promise;
        out.textContent = answer && typeof answer.acked === 'number' ? answer.acked + ' acknowledged' : 'acknowledged';
        out.className = 'small';
    } catch (e) {
        out.textContent = 'Not acknowledged: ' + e.message;
        out.className = 'error';
    }
    await load();
}

/**
 * The filter lives in the address (?state=&object=&exact=), so a link to the list of one object works. The object
 * is any part of a full name, in any case; with exact=true (the object page's link) only that full name.
 */
function readFilter() {
    const q = new URLSearchParams(location.search);
    const form = byId('notify-filter');
    // ?state=all (or empty, as older links say it) lists all; anything else the select does not offer left it blank,
    // so the list it showed named no choice: it is then the default, waiting
    const state = q.get('state') === '' ? 'all' : q.get('state');
    form.state.value = STATES.includes(state) ? state : 'active';
    form.object.value = q.get('object') || '';
    form.exact.checked = q.get('exact') === 'true';
    shown = formFilter();
}

function formFilter() {
    const form = byId('notify-filter');
    return {state: form.state.value, object: form.object.value.trim(), exact: form.exact.checked};
}

function writeFilter() {
    const q = new URLSearchParams();
    q.set('state', shown.state);
    if (shown.object) {
        q.set('object', shown.object);
        if (shown.exact) {
            q.set('exact', 'true');
        }
    }
    history.replaceState(null, '', '?' + q);
}

main().catch(e => {
    const box = byId('page-error');
    box.textContent = 'The page could not load: ' + e.message;
    box.hidden = false;
});
