// A form's submit handled one at a time. A second press (a double click, Enter pressed twice) while the first
// request is on its way is ignored instead of sent again: before, "Add user" pressed twice added the user and then
// showed "type the password" (the first press had cleared it), a note was added twice. The button is not disabled
// (a disabled button drops the keyboard focus); the form says it is busy (aria-busy) and the style shows it.
export function oneAtATime(form, handler) {
    form.addEventListener('submit', async event => {
        if (form.getAttribute('aria-busy') === 'true') {
            event.preventDefault();
            return;
        }
        form.setAttribute('aria-busy', 'true');
        try {
            await handler(event);
        } finally {
            form.removeAttribute('aria-busy');
        }
    });
}
