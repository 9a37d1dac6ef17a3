// An upload's progress page: ask for the next files as soon as this page has shown how far
// the load is, until the server says it is done (then the page carries no form). Without
// script, the form's "Continue" button does the same.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-auto-continue]");
  if (form) {
    window.setTimeout(() => form.submit(), 200);
  }
});
