// How a status looks: a class for the colour, and always an icon and a word as well.
import {el} from './dom.js';

const LOOKS = {
    up: ['✔', 'up'],
    clear: ['✔', 'up'],
    warning: ['▲', 'warning'],
    minor: ['◆', 'minor'],
    major: ['✖', 'major'],
    critical: ['✖', 'critical'],
    override: ['‖', 'override'],
    depends: ['↪', 'depends'],
    unknown: ['?', 'unknown']
};

/** The look of a row: up, a severity for down, override, depends or unknown. */
export function lookOf(displayStatus, severity) {
    if (displayStatus === 'down') {
        return LOOKS[severity] && severity !== 'clear' ? severity : 'critical';
    }
    return LOOKS[displayStatus] ? displayStatus : 'unknown';
}

/** A badge such as "✖ down · critical"; the word says it without the colour. */
export function badge(displayStatus, severity) {
    const look = lookOf(displayStatus, severity);
    const [icon, word] = LOOKS[look];
    const text = displayStatus === 'down' ? 'down · ' + word : word;
    return el('span', {class: 'badge st-' + (look === 'clear' ? 'up' : look), dataset: {status: displayStatus || 'unknown'}},
        el('span', {'aria-hidden': 'true'}, icon), el('span', {class: 'word'}, text));
}

/** A group's counts as small badges: only the non-zero ones, "3 up", "1 down". */
export function countBadges(counts) {
    const wrap = el('span', {class: 'counts'});
    if (!counts) {
        return wrap;
    }
    for (const key of ['down', 'depends', 'override', 'unknown', 'up']) {
        const n = counts[key] || 0;
        if (n > 0) {
            const look = key === 'down' ? 'critical' : key;
            wrap.append(el('span', {class: 'badge st-' + look, title: n + ' ' + key, dataset: {count: key}},
                el('span', {'aria-hidden': 'true'}, LOOKS[look][0]), n + ' ' + key));
        }
    }
    return wrap;
}

/** The link to an object's page. */
export function objectHref(fullName) {
    return 'object.html?name=' + encodeURIComponent(fullName);
}
