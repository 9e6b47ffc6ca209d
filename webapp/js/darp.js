// Every server's view of the object (DARP), the status they give together, and failures below the quorum shown
// ("down from 1 of 3") rather than hidden.
import {el, fill, byId, when} from './dom.js';
import {badge} from './status.js';

export function drawDarp(view) {
    // a server without DARP peers has one row, its own: the panel would only repeat the page's status
    byId('darp-panel').hidden = !view.peers;
    const servers = view.servers || [];
    const down = servers.filter(s => s.status === 'down' || s.override);
    const combined = view.combined;
    const parts = [];
    if (combined) {
        parts.push('Together: ', badge(combined.override ? 'override' : combined.status, combined.severity), ' ');
    } else if (servers.length > 0) {
        parts.push(el('span', {class: 'muted'}, 'Not a service: the servers report services only. '));
    }
    if (down.length > 0) {
        // shown also when the quorum keeps the object up: one server's failure is worth seeing
        const below = combined && combined.status !== 'down';
        parts.push(el('span', {class: below ? 'below-quorum' : '', id: 'darp-down-from'},
            'down from ' + down.length + ' of ' + servers.length), ' ');
    }
    if (combined) {
        parts.push(el('span', {class: 'small'}, combined.explanation || ''));
        const failing = combined.failingWhileUp || [];
        if (failing.length > 0) {
            parts.push(' ', el('span', {class: 'small below-quorum', id: 'darp-failing'},
                'reported down or overridden by ' + failing.join(', ')));
        }
    }
    fill(byId('darp-combined'), parts);
    fill(byId('darp'),
        el('thead', {}, el('tr', {}, ['Server', 'Status', 'Reason', 'When', 'Connected', 'Counted']
            .map(h => el('th', {}, h)))),
        el('tbody', {}, servers.map(s => el('tr', {dataset: {server: s.tag}},
            el('td', {}, s.tag + (s.self ? ' (this server)' : '')),
            el('td', {}, badge(s.override ? 'override' : s.status, s.severity)),
            el('td', {}, s.reason || ''),
            el('td', {}, s.reportedAt ? when(s.reportedAt) : 'never'),
            el('td', {}, s.self ? '—' : s.connected ? 'yes' : 'no'),
            el('td', {}, s.counted ? 'yes' : 'no')))));
}
