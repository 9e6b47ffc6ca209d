// Graphs of a service's result value and elapsed time (min, average, max per bucket) over 36 hours, 2 weeks and
// 3 months, drawn with uPlot from /api/status/{name}/samples; drag to zoom, double-click to zoom out.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {byId} from './dom.js';
import {get} from './api.js';

const HOUR = 3600 * 1000;
const RANGES = {
    '36h': {resolution: 'raw', span: 36 * HOUR, label: 'per minute'},
    '2w': {resolution: 'hour', span: 14 * 24 * HOUR, label: 'per hour'},
    '3m': {resolution: 'day', span: 92 * 24 * HOUR, label: 'per day'}
};

export class Graphs {
    constructor(base) {
        this.base = base;
        this.plots = [];
        byId('graph-ranges').addEventListener('click', e => {
            const range = e.target.closest('button')?.dataset.range;
            if (range) this.load(range);
        });
        window.addEventListener('resize', () => this.plots.forEach(p => p.setSize(size(p.root.parentElement))));
    }

    async load(range) {
        const r = RANGES[range];
        byId('graph-ranges').querySelectorAll('button').forEach(b =>
            b.setAttribute('aria-pressed', String(b.dataset.range === range)));
        const from = new Date(Date.now() - r.span).toISOString();
        const data = await get(this.base + '/samples?resolution=' + r.resolution + '&from=' + encodeURIComponent(from));
        const samples = data.samples || [];
        byId('graph-note').textContent = samples.length === 0
            ? 'No samples in this range (graphs need the parameter graph: yes).'
            : samples.length + (samples.length === 1 ? ' sample, ' : ' samples, ') + r.label + '.';
        this.plots.forEach(p => p.destroy());
        this.plots = [
            draw(byId('graph-value'), samples, 'value', 'value'),
            draw(byId('graph-elapsed'), samples, 'elapsedMs', 'ms')
        ];
    }
}

function size(container) {
    return {width: Math.max(260, container.clientWidth - 4), height: 200};
}

function draw(container, samples, field, unit) {
    const xs = samples.map(s => Date.parse(s.at) / 1000);
    const pick = key => samples.map(s => s[field] ? s[field][key] : null);
    const data = [xs, pick('avg'), pick('min'), pick('max')];
    const points = data[1].filter(v => v !== null).length;
    container.dataset.points = String(points);
    container.replaceChildren();
    if (points === 0 && samples.length > 0) {
        // a service whose results are not numbers (most TCP checks) has elapsed times only
        container.append(document.createTextNode('No numeric values in this range.'));
        container.classList.add('muted');
        return {destroy: () => container.classList.remove('muted'), setSize: () => {}, root: container};
    }
    const style = getComputedStyle(document.documentElement);
    const accent = style.getPropertyValue('--accent').trim() || '#1f5fbf';
    const muted = style.getPropertyValue('--muted').trim() || '#888';
    const fg = style.getPropertyValue('--fg').trim() || '#222';
    const line = style.getPropertyValue('--line').trim() || '#ddd';
    const axis = {stroke: fg, grid: {stroke: line}, ticks: {stroke: line}};
    return new uPlot({
        ...size(container),
        cursor: {drag: {x: true, y: false}},
        scales: {x: {time: true}},
        axes: [axis, {...axis, label: unit}],
        series: [
            {},
            {label: 'average', stroke: accent, width: 2, points: {show: points < 400}, spanGaps: false},
            {label: 'min', stroke: muted, width: 1, dash: [4, 4]},
            {label: 'max', stroke: muted, width: 1, dash: [2, 2]}
        ]
    }, data, container);
}
