// The login page: shows the error after a failed attempt and keeps the page the user wanted (a local path only;
// the server checks it again). After a failed attempt the user name typed is filled in again (kept in this tab's
// sessionStorage across the form's round trip, never in the address; the password never).
const KEPT_USER = 'argus.login.user';
const params = new URLSearchParams(location.search);
if (params.get('error') === '1') {
    document.getElementById('login-error').hidden = false;
} else if (params.get('error') === 'database') {
    document.getElementById('login-database').hidden = false;
} else if (params.get('error') === 'wait') {
    const seconds = Number.parseInt(params.get('retry'), 10);
    document.getElementById('login-wait-seconds').textContent = Number.isFinite(seconds) ? String(seconds) : 'a few';
    document.getElementById('login-wait').hidden = false;
}
if (params.get('ended') === '1' && !params.has('error')) {
    document.getElementById('login-ended').hidden = false;
}
const next = params.get('next');
if (next && next.startsWith('/') && !next.startsWith('//')) {
    document.getElementById('next').value = next;
} else {
    document.getElementById('next').remove();
}
const username = document.getElementById('username');
const kept = sessionStorage.getItem(KEPT_USER);
sessionStorage.removeItem(KEPT_USER);
if (params.has('error') && kept) {
    username.value = kept;
    document.getElementById('password').focus();
}
document.getElementById('login-form').addEventListener('submit', () => {
    sessionStorage.setItem(KEPT_USER, username.value);
});
