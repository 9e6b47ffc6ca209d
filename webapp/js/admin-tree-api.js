// The tree editor's calls: the If-Match version on writes, dry runs, and problems shown at their fields.
import {csrfToken, toLogin, ApiError, seg} from './api.js';
import {el, fill} from './dom.js';

/** A write (or a dry run) with the object's version as If-Match; answers JSON, null for 204, ApiError otherwise. */
export async function send(path, method, body, version) {
    const headers = {Accept: 'application/json', 'X-CSRF-Token': csrfToken()};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (version) headers['If-Match'] = '"' + version + '"';
    const response = await fetch(path, {method, headers, credentials: 'same-origin', redirect: 'manual',
        body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 401 || response.type === 'opaqueredirect') {
        toLogin();
        throw new ApiError(401, {title: 'not logged in'});
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let data;
    try {
        data = text ? JSON.parse(text) : null;
    } catch (e) {
        data = {detail: text};
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

export function objectPath(fullName, suffix = '') {
    return 'api/objects/' + seg(fullName) + suffix;
}

/** Clears the error slots of a form (or any container). */
export function clearErrors(container) {
    container.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
}

/**
 * Shows a problem's field errors next to their fields ([data-field="name"], "parameters.frequency" at that
 * parameter's row); what has no slot goes to the form's general slot. A 412 says another admin saved first.
 */
export function showProblem(container, error) {
    const problem = error.problem || {};
    const errors = problem.errors && problem.errors.length ? problem.errors
        : [{field: 'form', message: error.message}];
    for (const e of errors) {
        const slot = container.querySelector('.field-error[data-field="' + CSS.escape(e.field || 'form') + '"]')
            || container.querySelector('.field-error[data-field="form"]');
        if (slot) {
            slot.textContent = (slot.textContent ? slot.textContent + '; ' : '') + e.message;
        }
    }
}

const TRUE_FALSE = ['yes', 'no', 'true', 'false', 'on', 'off', '1', '0'];
const TIME = /^\s*(\d+(\.\d+)?\s*[a-z]*\s*)+$/i;

/** The cheap checks of a value, from the catalog: {error} or {warning} or {}. */
export function checkValue(catalog, key, value) {
    if (!key) return {error: 'a parameter needs a key'};
    const def = catalog.parameters[key];
    if (!def) return {warning: 'not a parameter Argus knows (typo?)'};
    if (value === '') return {error: key + ' needs a value'};
    if (def.bool && !TRUE_FALSE.includes(value.toLowerCase())) return {error: key + ' is yes or no'};
    if (def.values && def.values.length && !def.bool && !def.values.includes(value)) {
        return {error: key + ' is one of: ' + def.values.join(', ')};
    }
    if (def.timespec && !TIME.test(value)) return {error: key + ' is a time, like 30, 30s, 5min, 2h'};
    return {};
}

/** A line of help about a key: meaning, default, inherited or not. */
export function helpFor(catalog, key) {
    const def = catalog.parameters[key];
    if (!def) return '';
    const parts = [def.description];
    if (def.defaultValue !== null && def.defaultValue !== undefined) parts.push('default ' + def.defaultValue);
    if (def.values && def.values.length) parts.push('one of ' + def.values.join(', '));
    parts.push(def.inherited ? 'inherited' : 'not inherited');
    return parts.join(' · ');
}

/** The preview of a dry run as table rows. */
export function drawPreview(tbody, summary, preview) {
    const n = preview.total;
    summary.textContent = n === 0 ? 'Nothing changes in the effective parameters.'
        : n + ' value' + (n === 1 ? '' : 's') + ' change in ' + preview.objects + ' object'
            + (preview.objects === 1 ? '' : 's') + (preview.newFullName !== preview.fullName
                ? '; ' + preview.fullName + ' becomes ' + preview.newFullName : '')
            + (preview.truncated ? ' (the first ' + preview.changes.length + ' listed)' : '') + '.';
    for (const w of preview.warnings || []) {
        summary.append(el('span', {class: 'field-warning'}, w));
    }
    fill(tbody, preview.changes.map(c => el('tr', {dataset: {fullName: c.fullName, key: c.key}},
        el('td', {}, c.fullName), el('td', {class: 'mono'}, c.key),
        el('td', {class: 'old'}, c.oldValue === null ? '(none)' : c.oldValue),
        el('td', {}, c.newValue === null ? '(none)' : c.newValue,
            c.newSource ? el('span', {class: 'muted small'}, ' from ' + c.newSource) : null))));
}
