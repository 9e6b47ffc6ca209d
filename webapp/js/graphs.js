// Graphs of a service's result value and elapsed time (min, average, max per bucket) over 36 hours, 2 weeks and
// 3 months, drawn with uPlot from /api/status/{name}/samples; drag to zoom, double-click to zoom out. A service
// with a Holt-Winters forecast (maxdeviation) shows its band on the value graph where gr_show_hwab says so (as the
// original, by default), from /api/status/{name}/forecast; until its forecaster is made (at the service's first
// result) that answers started: false, said under the graphs.
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
    /** {@code forecast}: whether the service has a maxdeviation above 0 (else no forecast to ask for: a 404). */
    constructor(base, forecast) {
        this.base = base;
        this.forecast = forecast;
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
        const now = Date.now();
        const shown = {from: (now - r.span) / 1000, to: now / 1000};
        const from = new Date(now - r.span).toISOString();
        const [data, forecast] = await Promise.all([
            get(this.base + '/samples?resolution=' + r.resolution + '&from=' + encodeURIComponent(from)),
            // asked only of a service with maxdeviation: the 404 of one without it was an error in the console of
            // every service's page; one whose forecaster is not made yet answers started: false, no band
            this.forecast ? get(this.base + '/forecast?from=' + encodeURIComponent(from)).catch(() => null) : null
        ]);
        const samples = data.samples || [];
        byId('graph-note').textContent = (samples.length === 0
            ? 'No samples in this range (graphs need the parameter graph: yes).'
            : samples.length + (samples.length === 1 ? ' sample, ' : ' samples, ') + r.label + '.')
            + (forecast && forecast.started === false ? ' No forecast yet: it starts with the first result.' : '');
        this.plots.forEach(p => p.destroy());
        this.plots = [
            draw(byId('graph-value'), samples, 'value', 'value', shown, forecast),
            draw(byId('graph-elapsed'), samples, 'elapsedMs', 'ms', shown)
        ];
    }
}

function size(container) {
    return {width: Math.max(260, container.clientWidth - 4), height: 200};
}

// The x scale is the chosen window, whatever the number of points: uPlot's own range is the data's extent (one
// sample spans years once padded). uPlot asks this function both when it fits the data (on draw and on the
// double-click that zooms out, with exactly the data's extent) and when the user zooms (any other span), so the
// data's extent becomes the window and a zoom stays as the user dragged it.
function windowRange(xs, shown) {
    const first = xs[0];
    const last = xs[xs.length - 1];
    // for a single time uPlot widens the extent itself (by 1000 days: its 86400 / ms with ms = 1e-3)
    const fits = (min, max) => min == null || (min === first && (max === last || first === last));
    return (u, min, max) => (fits(min, max) ? [shown.from, shown.to] : [min, max]);
}

// The forecast band at each sample's time (the original drew it per sample too): the band point whose step holds it.
function bandAt(xs, forecast) {
    const band = forecast && forecast.show ? forecast.band || [] : [];
    const starts = band.map(p => Date.parse(p.at) / 1000);
    let i = 0;
    const at = xs.map(x => {
        while (i + 1 < starts.length && starts[i + 1] <= x) i++;
        return band.length && starts[i] <= x && x < starts[i] + forecast.stepSeconds ? band[i] : null;
    });
    return {low: at.map(p => (p ? p.low : null)), high: at.map(p => (p ? p.high : null))};
}

// With gr_hwab_range_ignore (the default) the y axis fits the samples alone, the band may run off it.
function valueRange(data) {
    const values = data.slice(1, 4).flat().filter(v => v !== null);
    if (values.length === 0) return (u, min, max) => [min, max];
    const [low, high] = [Math.min(...values), Math.max(...values)];
    return () => uPlot.rangeNum(low, high, 0.1, true);
}

function draw(container, samples, field, unit, shown, forecast = null) {
    const xs = samples.map(s => Date.parse(s.at) / 1000);
    const pick = key => samples.map(s => s[field] ? s[field][key] : null);
    const data = [xs, pick('avg'), pick('min'), pick('max')];
    const points = data[1].filter(v => v !== null).length;
    container.dataset.points = String(points);
    const band = bandAt(xs, forecast);
    const banded = band.low.filter(v => v !== null).length;
    container.dataset.band = String(banded);
    container.replaceChildren();
    delete container.dataset.xMin;
    delete container.dataset.xMax;
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
    const hwab = banded > 0 ? {
        series: [
            {label: 'forecast low', stroke: forecast.color, width: 1, spanGaps: false, points: {show: false}},
            {label: 'forecast high', stroke: forecast.color, width: 1, spanGaps: false, points: {show: false}}
        ],
        bands: [{series: [5, 4], fill: forecast.color + '99'}]
    } : {series: [], bands: []};
    const scales = {x: {time: true, range: windowRange(xs, shown)}};
    if (banded > 0 && forecast.rangeIgnore) scales.y = {range: valueRange(data)};
    if (banded > 0) data.push(band.low, band.high);
    const plot = new uPlot({
        ...size(container),
        cursor: {drag: {x: true, y: false}},
        scales,
        bands: hwab.bands,
        // the shown span, for the browser tests (the axis labels are drawn on the canvas)
        hooks: {setScale: [(u, key) => key === 'x' && Object.assign(container.dataset, {
            xMin: String(u.scales.x.min), xMax: String(u.scales.x.max)})]},
        axes: [axis, {...axis, label: unit}],
        series: [
            {},
            {label: 'average', stroke: accent, width: 2, points: {show: points < 400}, spanGaps: false},
            {label: 'min', stroke: muted, width: 1, dash: [4, 4]},
            {label: 'max', stroke: muted, width: 1, dash: [2, 2]},
            ...hwab.series
        ]
    }, data, container);
    // without data uPlot never asks the range function: the window is set outright
    if (xs.length === 0) plot.setScale('x', {min: shown.from, max: shown.to});
    return plot;
}
