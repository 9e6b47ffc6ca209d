// Graphs of a service's result value and elapsed time (min, average, max per bucket) over 36 hours, 2 weeks and
// 3 months, drawn with uPlot from /api/status/{name}/samples; drag to zoom, double-click to zoom out. A service
// with a Holt-Winters forecast (maxdeviation) shows its band on the value graph where gr_show_hwab says so (as the
// original, by default), from /api/status/{name}/forecast; until its forecaster is made (at the service's first
// result) that answers started: false, said under the graphs.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {byId} from './dom.js';
import {get} from './api.js';
import {Refresher} from './refresher.js';

const HOUR = 3600 * 1000;
const RANGES = {
    '36h': {resolution: 'raw', span: 36 * HOUR, bucket: 60 * 1000, label: 'per minute'},
    '2w': {resolution: 'hour', span: 14 * 24 * HOUR, bucket: HOUR, label: 'per hour'},
    '3m': {resolution: 'day', span: 92 * 24 * HOUR, bucket: 24 * HOUR, label: 'per day'}
};
// a new result shows within REFRESH_MS while the tab is shown (the raw buckets are minutes); GAP_MS between two
// refreshes however many pushes come
const REFRESH_MS = 10 * 1000;
const GAP_MS = 2 * 1000;

export class Graphs {
    /** {@code forecast}: whether the service has a maxdeviation above 0 (else no forecast to ask for: a 404). */
    constructor(base, forecast) {
        this.base = base;
        this.forecast = forecast;
        this.plots = [null, null];
        this.samples = [];
        // a refresh answered after the user chose another range is dropped
        this.generation = 0;
        byId('graph-ranges').addEventListener('click', e => {
            const range = e.target.closest('button')?.dataset.range;
            if (range) this.load(range);
        });
        window.addEventListener('resize', () => this.plots.forEach(p => p && p.setSize(size(p.root.parentElement))));
        // the graphs follow the service: its new results (pushes come only with a new status, so also every
        // REFRESH_MS), the newest bucket again (it grows until its minute, hour or day ends) and the forecast
        this.refresher = new Refresher(() => this.update(), {period: REFRESH_MS, gap: GAP_MS});
    }

    /** Draws a range anew (the user chose it): its window ends now, a zoom is dropped. */
    async load(range) {
        const r = RANGES[range];
        const generation = ++this.generation;
        this.range = range;
        byId('graph-ranges').querySelectorAll('button').forEach(b =>
            b.setAttribute('aria-pressed', String(b.dataset.range === range)));
        const now = Date.now();
        const from = new Date(now - r.span).toISOString();
        const [data, forecast] = await Promise.all([this.samplesFrom(r, from), this.forecastFrom(from)]);
        if (generation !== this.generation) return;
        this.samples = data.samples || [];
        this.show(r, now, forecast, false);
        if (!this.refresher.timer) this.refresher.start();
    }

    /** Takes in what is new since the newest bucket drawn (that one again: it may have grown); keeps a zoom. */
    refresh() {
        this.refresher.ask();
    }

    async update() {
        if (!this.range) return;
        const r = RANGES[this.range];
        const generation = this.generation;
        const now = Date.now();
        const from = new Date(now - r.span).toISOString();
        const newest = this.samples.length ? this.samples[this.samples.length - 1].at : null;
        const since = newest && Date.parse(newest) > now - r.span ? newest : from;
        const [data, forecast] = await Promise.all([this.samplesFrom(r, since), this.forecastFrom(from)]);
        if (generation !== this.generation) return;
        const cut = Date.parse(since);
        this.samples = this.samples
            .filter(s => Date.parse(s.at) < cut && Date.parse(s.at) + r.bucket > now - r.span)
            .concat(data.samples || []);
        this.show(r, now, forecast, true);
    }

    samplesFrom(r, from) {
        return get(this.base + '/samples?resolution=' + r.resolution + '&from=' + encodeURIComponent(from));
    }

    forecastFrom(from) {
        // asked only of a service with maxdeviation: the 404 of one without it was an error in the console of
        // every service's page; one whose forecaster is not made yet answers started: false, no band
        return this.forecast ? get(this.base + '/forecast?from=' + encodeURIComponent(from)).catch(() => null) : null;
    }

    show(r, now, forecast, keepZoom) {
        const samples = this.samples;
        const shown = {from: (now - r.span) / 1000, to: now / 1000};
        const note = (samples.length === 0
            ? 'No samples in this range (graphs need the parameter graph: yes).'
            : samples.length + (samples.length === 1 ? ' sample, ' : ' samples, ') + r.label + '.')
            + (forecast && forecast.started === false ? ' No forecast yet: it starts with the first result.' : '');
        const out = byId('graph-note');
        if (out.textContent !== note) out.textContent = note; // a screen reader hears no change that is none
        const [value, elapsed] = this.plots;
        this.plots = [
            draw(byId('graph-value'), samples, 'value', 'value', {shown, forecast, previous: value, keepZoom}),
            draw(byId('graph-elapsed'), samples, 'elapsedMs', 'ms', {shown, previous: elapsed, keepZoom})
        ];
    }
}

function size(container) {
    return {width: Math.max(260, container.clientWidth - 4), height: 200};
}

// The x scale is the chosen window, whatever the number of points: uPlot's own range is the data's extent (one
// sample spans years once padded). uPlot asks this function both when it fits the data (on draw and on the
// double-click that zooms out, with exactly the data's extent) and when the user zooms (any other span), so the
// data's extent becomes the window and a zoom stays as the user dragged it. It reads ctx, which a refresh renews.
function windowRange(ctx) {
    return (u, min, max) => {
        const first = ctx.xs[0];
        const last = ctx.xs[ctx.xs.length - 1];
        // for a single time uPlot widens the extent itself (by 1000 days: its 86400 / ms with ms = 1e-3)
        const fits = min == null || (min === first && (max === last || first === last));
        return fits ? [ctx.shown.from, ctx.shown.to] : [min, max];
    };
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
function valueRange(ctx) {
    return (u, min, max) => {
        const values = ctx.data.slice(1, 4).flat().filter(v => v !== null);
        if (values.length === 0) return [min, max];
        return uPlot.rangeNum(Math.min(...values), Math.max(...values), 0.1, true);
    };
}

/**
 * Draws samples into container, or gives them to the plot drawn there before (previous) when it has the same
 * series: no new canvas, no flicker, the page's height and scroll stay; with keepZoom a zoom the user dragged stays.
 */
function draw(container, samples, field, unit, {shown, forecast = null, previous = null, keepZoom = false}) {
    const xs = samples.map(s => Date.parse(s.at) / 1000);
    const pick = key => samples.map(s => s[field] ? s[field][key] : null);
    const data = [xs, pick('avg'), pick('min'), pick('max')];
    const points = data[1].filter(v => v !== null).length;
    const newest = samples.length ? samples[samples.length - 1][field] : null;
    const band = bandAt(xs, forecast);
    const banded = band.low.filter(v => v !== null).length;
    // what the page holds, for the browser tests (the graph itself is a canvas)
    Object.assign(container.dataset, {points: String(points), band: String(banded),
        newestMax: newest ? String(newest.max) : ''});
    if (banded > 0) data.push(band.low, band.high);
    // what a plot's options depend on: the same, a refresh gives it the new data; else it is drawn anew
    const dots = points < 400;
    const layout = points === 0 && samples.length > 0 ? 'none'
        : (banded > 0 ? 'band ' + Boolean(forecast.rangeIgnore) + ' ' + forecast.color : 'plain') + ' ' + dots;
    if (previous && previous.argus.layout === layout && layout !== 'none') {
        refill(previous, data, shown, keepZoom);
        return previous;
    }
    const dims = size(container); // before the old plot goes: a layout of the empty box could move the scroll
    if (previous) previous.destroy();
    container.replaceChildren();
    delete container.dataset.xMin;
    delete container.dataset.xMax;
    if (layout === 'none') {
        // a service whose results are not numbers (most TCP checks) has elapsed times only
        container.append(document.createTextNode('No numeric values in this range.'));
        container.classList.add('muted');
        return {destroy: () => container.classList.remove('muted'), setSize: () => {}, root: container,
            argus: {layout}};
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
    const ctx = {xs, shown, data};
    const scales = {x: {time: true, range: windowRange(ctx)}};
    if (banded > 0 && forecast.rangeIgnore) scales.y = {range: valueRange(ctx)};
    const plot = new uPlot({
        ...dims,
        cursor: {drag: {x: true, y: false}},
        scales,
        bands: hwab.bands,
        // the shown span, for the browser tests (the axis labels are drawn on the canvas)
        hooks: {setScale: [(u, key) => key === 'x' && Object.assign(container.dataset, {
            xMin: String(u.scales.x.min), xMax: String(u.scales.x.max)})]},
        axes: [axis, {...axis, label: unit}],
        series: [
            {},
            {label: 'average', stroke: accent, width: 2, points: {show: dots}, spanGaps: false},
            {label: 'min', stroke: muted, width: 1, dash: [4, 4]},
            {label: 'max', stroke: muted, width: 1, dash: [2, 2]},
            ...hwab.series
        ]
    }, data, container);
    // under a name of ours: uPlot's own ctx is its canvas's context
    plot.argus = {ctx, layout};
    // without data uPlot never asks the range function: the window is set outright
    if (xs.length === 0) plot.setScale('x', {min: shown.from, max: shown.to});
    return plot;
}

/** New data for a plot drawn before; the window moves on to end now, or a zoom stays (keepZoom). */
function refill(plot, data, shown, keepZoom) {
    const ctx = plot.argus.ctx;
    const {min, max} = plot.scales.x;
    const zoomed = keepZoom && (Math.abs(min - ctx.shown.from) > 1 || Math.abs(max - ctx.shown.to) > 1);
    Object.assign(ctx, {xs: data[0], shown, data});
    plot.setData(data);
    if (zoomed) {
        plot.setScale('x', {min, max});
    } else if (data[0].length === 0) {
        plot.setScale('x', {min: shown.from, max: shown.to});
    }
}
