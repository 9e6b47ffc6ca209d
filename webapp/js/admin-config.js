// The Configs page: upload (drop or pick) a config file or archive, see the syntax check with file and line,
// the dry run's diff, then import; export a subtree; stored blocks; config problems. Admins only.
import {el, fill, byId} from './dom.js';
import {get, seg} from './api.js';
import {initShell, showLiveState} from './shell.js';
import {Live} from './live.js';
import {objectHref} from './status.js';
import {send, uploadType} from './config-send.js';
import {Blocks} from './config-blocks.js';
import {redraw} from './keep.js';
import {adminOnly} from './admin-forms.js';

/** Longest list of names drawn per part of the diff; the count says how many there are. */
const SHOWN = 300;

let upload = null; // the chosen File
let blocks = null;

async function main() {
    const session = await initShell();
    if (!adminOnly(session, 'admin-parts')) {
        return;
    }
    blocks = new Blocks();
    wireUpload();
    wireExport();
    const live = new Live({
        status: () => {},
        annotation: () => {},
        tree: () => refreshStored(),
        resync: () => refreshStored()
    });
    showLiveState('connecting');
    live.start();
    await refreshStored();
    document.body.dataset.ready = 'true';
}

async function refreshStored() {
    await Promise.all([blocks.load(), loadProblems()]);
}

function wireUpload() {
    const drop = byId('drop');
    const input = byId('file');
    input.addEventListener('change', () => input.files.length && choose(input.files[0]));
    drop.addEventListener('dragover', e => {
        e.preventDefault();
        drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', e => {
        e.preventDefault();
        drop.classList.remove('over');
        if (e.dataTransfer.files.length) {
            choose(e.dataTransfer.files[0]);
        }
    });
    byId('import-options').addEventListener('submit', e => {
        e.preventDefault();
        checkAndPlan();
    });
    byId('mode').addEventListener('change', () => checkAndPlan());
    byId('import').addEventListener('click', () => runImport());
}

function choose(file) {
    upload = file;
    fill(byId('upload-name'), 'Chosen: ', el('strong', {}, file.name), ' (' + file.size + ' bytes, sent as '
        + uploadType(file.name) + ')');
    checkAndPlan();
}

function options() {
    const params = new URLSearchParams({mode: byId('mode').value, root: byId('root').value.trim() || 'Top'});
    const main = byId('main-file').value.trim();
    if (main) {
        params.set('main', main);
    }
    return params;
}

/** The syntax check, then (when it found no errors) the dry run: nothing is changed by either. */
async function checkAndPlan() {
    if (!upload) {
        fill(byId('upload-error'), 'Choose a file or an archive first.');
        return;
    }
    fill(byId('upload-error'));
    fill(byId('import-error'));
    byId('import-result').hidden = true;
    byId('import').disabled = true;
    byId('diff-panel').hidden = true;
    const params = options();
    const type = uploadType(upload.name);
    let report;
    try {
        report = await send('api/config/check?' + new URLSearchParams({main: params.get('main') || ''}), 'POST',
            upload, type);
    } catch (e) {
        byId('check-panel').hidden = true;
        fill(byId('upload-error'), e.message);
        return;
    }
    showCheck(report);
    if (!report.ok) {
        return;
    }
    params.set('dryRun', 'true');
    try {
        const plan = await send('api/config/import?' + params, 'POST', upload, type);
        showDiff(plan, true);
        if (holdsNothing(report, plan)) {
            // an empty file (or one that is no Argus config) passes the check; imported in replace mode it removed
            // everything under the root, one click after a drop of the wrong file
            fill(byId('import-error'), 'This file holds no objects, blocks or DARP peers: nothing to import.');
            return;
        }
        if (changesNothing(plan)) {
            // the same file again: Import was offered and, pressed, reported "0 added, 0 changed"
            fill(byId('import-error'), 'Nothing to import: everything under ' + plan.root
                + ' is already as this file says.');
            return;
        }
        byId('import').disabled = false;
    } catch (e) {
        byId('diff-panel').hidden = false;
        fill(byId('diff-summary'));
        fill(byId('diff'));
        fill(byId('import-error'), e.message);
    }
}

function holdsNothing(report, plan) {
    const objects = Object.values(report.objects || {}).reduce((a, n) => a + n, 0);
    return objects === 0 && plan.blocks.length === 0 && (plan.darpPeersAdded || []).length === 0
        && (plan.darpPeersUpdated || []).length === 0;
}

function changesNothing(plan) {
    return [plan.added, plan.changed, plan.removed, plan.blocks, plan.darpPeersAdded, plan.darpPeersUpdated]
        .every(list => (list || []).length === 0);
}

function showCheck(report) {
    byId('check-panel').hidden = false;
    const counts = Object.entries(report.objects || {}).map(([kind, n]) => n + ' ' + kind).join(', ');
    fill(byId('check-summary'),
        el('strong', {class: report.ok ? 'ok' : 'error', id: 'check-verdict', 'data-ok': String(report.ok)},
            report.ok ? '✔ no errors' : '✖ ' + plural(report.errors, 'error')),
        ', ' + plural(report.warnings, 'warning') + '. The config holds ' + counts + '.');
    fill(byId('check-layout'), report.layout ? 'Read as ' + report.layout + '.' : '');
    diagnosticsTable(byId('diagnostics'), report.diagnostics || []);
}

function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
}

function diagnosticsTable(table, diagnostics) {
    if (diagnostics.length === 0) {
        fill(table);
        return;
    }
    fill(table,
        el('thead', {}, el('tr', {}, el('th', {}, 'severity'), el('th', {}, 'file'), el('th', {}, 'line'),
            el('th', {}, 'message'))),
        // in the order of the files' lines (the parser reports an unclosed block, found at the end, first)
        el('tbody', {}, [...diagnostics].sort((a, b) => String(a.file).localeCompare(String(b.file))
            || a.line - b.line).map(d => el('tr', {class: 'sev-' + d.severity,
                dataset: {file: d.file, line: String(d.line)}},
            el('td', {class: 'sev'}, d.severity), el('td', {class: 'mono'}, shownFile(d.file)),
            el('td', {}, String(d.line)),
            el('td', {}, d.message)))));
}

/**
 * The file a problem is in as the admin knows it: the server calls a single uploaded file (not an archive) "config",
 * which named no file the admin had chosen ("bad.conf"); an archive's files keep their own names.
 */
function shownFile(file) {
    return upload && file === 'config' && uploadType(upload.name) === 'text/plain' ? upload.name : file;
}

/** The import report: a dry run's plan, or what was done. */
function showDiff(report, dryRun) {
    byId('diff-panel').hidden = false;
    const peers = (report.darpPeersAdded || []).length + (report.darpPeersUpdated || []).length;
    fill(byId('diff-summary'), el('span', {id: 'diff-counts'},
        report.added.length + ' added, ' + report.changed.length + ' changed, ' + report.removed.length
        + ' removed, ' + report.unchanged + ' unchanged; ' + report.blocks.length + ' block changes, ' + peers
        + ' DARP peers'), ' (' + report.mode + ' under ', el('a', {href: objectHref(report.root)}, report.root),
        dryRun ? '; nothing has changed yet)' : ')');
    fill(byId('diff'),
        part('added', 'Objects added', report.added, dryRun ? undefined : objectLink),
        part('changed', 'Objects changed', report.changed, name => [objectLink(name),
            el('ul', {class: 'small'}, ((report.changes || {})[name] || []).map(d => el('li', {class: 'mono'}, d)))]),
        part('removed', 'Objects removed', report.removed),
        part('blocks', 'Blocks (Method, Resolv, snmpoid, schedule, cron)', report.blocks),
        part('peers-added', 'DARP peers added', report.darpPeersAdded || []),
        part('peers-updated', 'DARP peers updated', report.darpPeersUpdated || []),
        part('notes', 'To do by hand', report.notes || []),
        part('warnings', 'Warnings',
            (report.warnings || []).map(w => shownFile(w.file) + ':' + w.line + ': ' + w.message)));
    const button = byId('import');
    button.textContent = 'Import (' + report.mode + ') under ' + report.root
        + (report.removed.length > 0 ? ', removing ' + report.removed.length + ' objects' : '');
}

function objectLink(name) {
    return el('a', {href: objectHref(name)}, name);
}

function part(key, title, items, render = name => name) {
    const shown = items.slice(0, SHOWN);
    return el('div', {class: 'diff-group diff-' + key, id: 'diff-' + key, dataset: {count: String(items.length)}},
        el('h3', {}, title + ': ' + items.length),
        items.length === 0 ? null : el('ul', {}, shown.map(item => el('li', {}, render(item)))),
        items.length > SHOWN ? el('p', {class: 'small muted'}, 'and ' + (items.length - SHOWN) + ' more') : null);
}

async function runImport() {
    const button = byId('import');
    button.disabled = true;
    fill(byId('import-error'));
    try {
        const report = await send('api/config/import?' + options(), 'POST', upload, uploadType(upload.name));
        showDiff(report, false);
        const result = byId('import-result');
        result.hidden = false;
        fill(result, report.applied ? '✔ Imported: ' : 'Nothing to change: ', byId('diff-counts').textContent,
            '. ', el('a', {href: './'}, 'See it on the dashboard'), '.');
        byId('diff-heading').textContent = 'What the import changed';
        await refreshStored();
    } catch (e) {
        fill(byId('import-error'), e.message);
        button.disabled = false;
    }
}

function wireExport() {
    const input = byId('export-root');
    const link = byId('export-link');
    const update = () => {
        const root = input.value.trim() || 'Top';
        link.href = 'api/config/export?' + new URLSearchParams({root});
        link.download = root.replace(/[^A-Za-z0-9._-]+/g, '_') + '.conf';
    };
    input.addEventListener('input', update);
    // a name that is not there downloaded the 404's problem+json as X.conf: the object is looked up first, and the
    // download goes on (the link's own, pressed again) only when it is there
    const error = el('span', {id: 'export-error', class: 'error', role: 'alert', hidden: true});
    link.after(error);
    let checked = null;
    link.addEventListener('click', async e => {
        if (checked === link.href) {
            checked = null;
            return;
        }
        e.preventDefault();
        const root = input.value.trim() || 'Top';
        error.hidden = true;
        try {
            await get('api/objects/' + seg(root));
        } catch (problem) {
            error.textContent = problem.status === 404 ? 'There is no object ' + root + '.' : problem.message;
            error.hidden = false;
            return;
        }
        checked = link.href;
        link.click();
    });
    byId('export-form').addEventListener('submit', e => {
        e.preventDefault();
        link.click();
    });
    update();
}

async function loadProblems() {
    const problems = await get('api/config/problems');
    const table = byId('config-problems');
    if (problems.length === 0) {
        fill(table, el('tbody', {}, el('tr', {}, el('td', {class: 'muted'}, 'None: every stored row is in use.'))));
        return;
    }
    redraw(table, () => fill(table,
        el('thead', {}, el('tr', {}, el('th', {}, 'object'), el('th', {}, 'what'), el('th', {}, 'problem'))),
        el('tbody', {}, problems.map(p => el('tr', {dataset: {object: p.object}},
            el('td', {}, p.object.startsWith('#') ? p.object : el('a', {href: objectHref(p.object)}, p.object)),
            el('td', {class: 'mono'}, p.field), el('td', {}, p.message))))), {neighbour: true});
}

main();
