// The banner that says the database cannot be reached: the server then marks every API answer with
// Argus-Database: unavailable (docs/reliability.md, "Database outage").
import {el, byId} from './dom.js';

/** Shows or hides the banner after an API answer, from its Argus-Database header. */
export function noteDatabase(response) {
    const away = response.headers.get('Argus-Database') === 'unavailable';
    let banner = byId('db-banner');
    if (!away) {
        if (banner) {
            banner.hidden = true;
        }
        return;
    }
    if (!banner) {
        banner = el('div', {id: 'db-banner', class: 'db-banner', role: 'alert'},
            'The database cannot be reached: statuses are read from memory and not stored yet; '
            + 'changes are refused until it is back.');
        document.body.prepend(banner);
    }
    banner.hidden = false;
}
