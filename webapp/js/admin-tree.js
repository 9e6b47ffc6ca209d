// The tree editor (administrators): the tree on the left, loaded group by group as on the dashboard and kept live;
// the chosen object on the right, with create, move and delete.
import {byId} from './dom.js';
import {get} from './api.js';
import {initShell, showLiveState, splitName} from './shell.js';
import {applyRow} from './rows.js';
import {Tree} from './tree.js';
import {Live} from './live.js';
import {Editor} from './admin-tree-editor.js';
import {Forms} from './admin-tree-forms.js';
import {adminOnly} from './admin-forms.js';

let tree;
let editor;
let forms;

async function main() {
    const session = await initShell();
    if (!adminOnly(session, 'admin-tree')) {
        return;
    }
    const catalog = await get('api/catalog');
    editor = new Editor(catalog, name => changed(name));
    forms = new Forms(catalog, editor, name => changed(name));
    const live = new Live({status: (row, seq) => applyRow(row, seq), annotation: () => {}, tree: () => pushed(),
        resync: () => pushed()});
    tree = new Tree(byId('tree'), null, seq => live.setSeq(seq));
    // a name in this tree chooses the object for editing instead of opening its page
    byId('tree').addEventListener('click', e => {
        const link = e.target.closest('a.name');
        if (link) {
            e.preventDefault();
            choose(link.closest('li[data-full-name]').dataset.fullName);
        }
    });
    byId('select-top').addEventListener('click', () => choose('Top'));
    showLiveState('connecting');
    await tree.load();
    live.start();
    const wanted = new URLSearchParams(location.search).get('name');
    await choose(wanted || 'Top');
    document.body.dataset.ready = 'true';
}

async function choose(fullName) {
    const object = await editor.open(fullName);
    forms.reset(object);
    mark();
}

/** After a write: the tree redrawn (the live push does it too), the object (or its parent) shown. */
async function changed(fullName) {
    if (fullName) {
        // its ancestors open, so the object just written is in sight
        const parts = splitName(fullName);
        for (let i = 1; i < parts.length; i++) {
            tree.open.add(parts.slice(0, i).join(':'));
        }
    }
    await redraw();
    if (fullName) {
        await choose(fullName);
    }
}

/** The tree changed, here or elsewhere: drawn again; the form in the editor is left as the admin has it. */
async function pushed() {
    await redraw();
    await editor.checkCurrent();
}

async function redraw() {
    await tree.load();
    mark();
}

function mark() {
    const chosen = editor.object ? editor.object.fullName : null;
    byId('tree').querySelectorAll('li[data-full-name]').forEach(li => {
        li.classList.toggle('chosen', li.dataset.fullName === chosen);
    });
}

main();
