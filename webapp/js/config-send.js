// Sends a config file or text to the server as it is (not JSON): the CSRF header, the session cookie, and the
// server's problem details (with their per-line errors) as an ApiError.
import {ApiError, csrfToken, toLogin} from './api.js';

/** The content type an upload is sent as, from its file name: the archive formats the server reads, else text. */
export function uploadType(fileName) {
    const name = fileName.toLowerCase();
    if (name.endsWith('.zip')) return 'application/zip';
    if (name.endsWith('.tar')) return 'application/x-tar';
    if (name.endsWith('.tgz') || name.endsWith('.tar.gz') || name.endsWith('.gz')) return 'application/gzip';
    return 'text/plain';
}

/** POST or PUT a body as is; answers the parsed JSON, throws ApiError with the problem details otherwise. */
export async function send(path, method, body, contentType, headers = {}) {
    const response = await fetch(path, {
        method,
        headers: Object.assign({Accept: 'application/json', 'Content-Type': contentType,
            'X-CSRF-Token': csrfToken()}, headers),
        body, credentials: 'same-origin', redirect: 'manual'
    });
    if (response.status === 401 || response.type === 'opaqueredirect') {
        toLogin();
        throw new ApiError(401, {title: 'not logged in'});
    }
    const text = await response.text();
    let data = null;
    try {
        data = text ? JSON.parse(text) : null;
    } catch (e) {
        data = {detail: text};
    }
    if (!response.ok) {
        throw new ApiError(response.status, data);
    }
    return data;
}

/** "file:12" -> {file, line}; anything else is a field of the request (body, main, root, mode). */
export function place(field) {
    const m = /^(.*):(\d+)$/.exec(field || '');
    return m ? {file: m[1], line: Number(m[2])} : null;
}
