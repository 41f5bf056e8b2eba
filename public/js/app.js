// Progressive enhancement only: every page works without this file.
(function () {
  var token = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the CSRF token as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    if (token) event.detail.headers['X-CSRF-Token'] = token.getAttribute('content');
  });
  // Forms that ask for confirmation before an irreversible action.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form && form.getAttribute && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
  });
  // Move focus to the error summary after a failed submission, so it is read first.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
