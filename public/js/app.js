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

// Header menus ("More", the account menu): Escape closes the open one and gives the focus back to
// its button; a click elsewhere closes it. Without this file they still open and close by themselves.
(function () {
  var menus = Array.prototype.slice.call(document.querySelectorAll('details.nav-more-menu, details.account-menu'));
  if (!menus.length) return;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    menus.forEach(function (menu) {
      if (!menu.open) return;
      var hadFocus = menu.contains(document.activeElement);
      menu.open = false;
      if (hadFocus) menu.querySelector('summary').focus();
    });
  });
  document.addEventListener('click', function (event) {
    menus.forEach(function (menu) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });
})();

// Notifications (live): signed-in pages have the bell; its badge follows the server-sent events of
// /api/v1/notifications/stream, and a polite live region announces each new notification.
(function () {
  var bell = document.querySelector('[data-live-notifications]');
  if (!bell || !window.EventSource) return;
  function show(countSel, labelSel, count, label) {
    var badge = document.querySelector(countSel);
    var text = document.querySelector(labelSel);
    if (badge) {
      badge.textContent = count ? String(count) : '';
      badge.hidden = !count;
    }
    if (text) text.textContent = label;
  }
  var region = document.getElementById('live-notifications');
  var source = new EventSource('/api/v1/notifications/stream');
  source.addEventListener('unread', function (event) {
    var data = JSON.parse(event.data);
    bell.setAttribute('data-live-state', 'open');
    show('[data-live-notifications-count]', '[data-live-notifications-label]', data.count, data.label);
    show('[data-live-messages-count]', '[data-live-messages-label]', data.messages, data.messages ? ', ' + data.messagesLabel : '');
  });
  source.addEventListener('notification', function (event) {
    var item = JSON.parse(event.data);
    if (!region) return;
    region.textContent = '';
    // A fresh text node after clearing makes screen readers announce it even when it repeats.
    setTimeout(function () {
      region.textContent = (region.getAttribute('data-template') || '%s').replace('%s', item.text);
    }, 50);
  });
})();
