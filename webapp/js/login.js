// The login page: shows the error after a failed attempt and keeps the page the user wanted (a local path only;
// the server checks it again).
const params = new URLSearchParams(location.search);
if (params.get('error') === '1') {
    document.getElementById('login-error').hidden = false;
}
const next = params.get('next');
if (next && next.startsWith('/') && !next.startsWith('//')) {
    document.getElementById('next').value = next;
} else {
    document.getElementById('next').remove();
}
