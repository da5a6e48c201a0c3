// finmatch portal: small progressive enhancements; every page works without them.
(function () {
  'use strict';

  // USCC (统一社会信用代码, GB 32100-2015): 18 characters; the last is a check character over the first 17.
  var USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  function usccCheck(code) {
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      var v = USCC_CHARS.indexOf(code.charAt(i));
      if (v < 0) { return null; }
      sum += v * USCC_WEIGHTS[i];
    }
    return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
  }

  function setupUscc(input) {
    var out = document.getElementById(input.getAttribute('data-uscc-message'));
    if (!out) { return; }
    var texts = JSON.parse(out.getAttribute('data-texts') || '{}');
    input.addEventListener('input', function () {
      var code = input.value.trim().toUpperCase();
      var msg = '', ok = false;
      if (code.length === 0) { msg = ''; }
      else if (code.length !== 18) { msg = (texts.length || '').replace('{0}', code.length); }
      else {
        var expected = usccCheck(code);
        if (expected === null) { msg = texts.chars || ''; }
        else if (expected !== code.charAt(17)) { msg = (texts.check || '').replace('{0}', code.charAt(17)).replace('{1}', expected); }
        else { ok = true; msg = texts.ok || ''; }
      }
      out.textContent = msg;
      out.className = ok ? 'ok-text' : 'error-text';
      input.setAttribute('aria-invalid', code.length > 0 && !ok ? 'true' : 'false');
    });
  }

  // Countdown to a lead's due time; overdue ones are marked.
  function setupCountdown(el) {
    var due = Date.parse(el.getAttribute('data-due'));
    if (isNaN(due)) { return; }
    var overdueText = el.getAttribute('data-overdue-text') || 'overdue';
    function tick() {
      var ms = due - Date.now();
      if (ms <= 0) { el.textContent = overdueText; el.classList.add('overdue'); return; }
      var h = Math.floor(ms / 3600000), m = Math.floor((ms % 3600000) / 60000);
      el.textContent = h + ' h ' + (m < 10 ? '0' : '') + m + ' min';
    }
    tick();
    setInterval(tick, 30000);
  }

  // Buttons that need a confirmation (withdraw, decline, revoke).
  function setupConfirm(form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  }

  // The decline reason is required only for a decline.
  function setupDecision(form) {
    var action = form.querySelector('select[name=action]');
    var reason = form.querySelector('select[name=reasonCode]');
    if (!action || !reason) { return; }
    function sync() { reason.required = action.value === 'DECLINE'; }
    action.addEventListener('change', sync);
    sync();
  }

  // Live notifications: the portal relays notification-service's stream for the signed-in user (/notifications/stream;
  // the token stays on the server). Each new notification raises the header's unread badge and, on /notifications,
  // is added at the top of the list (built from the page's <template>, text set as text, never as markup).
  function setupNotifications(badge) {
    if (!window.EventSource) { return; }
    var count = badge.querySelector('[data-unread-count]');
    var list = document.getElementById('notification-list');
    var template = document.getElementById('notification-template');
    var failures = 0;
    var source = new EventSource('/notifications/stream');
    source.onmessage = function (e) {
      var item;
      try { item = JSON.parse(e.data); } catch (notJson) { return; }
      failures = 0;
      if (!item.read) {
        var n = (parseInt(badge.getAttribute('data-unread'), 10) || 0) + 1;
        badge.setAttribute('data-unread', String(n));
        count.textContent = n > 99 ? '99+' : String(n);
        count.hidden = false;
      }
      if (list && template && template.content) {
        var li = template.content.firstElementChild.cloneNode(true);
        li.setAttribute('data-notification', item.id || '');
        li.querySelector('[data-title]').textContent = item.title || '';
        li.querySelector('[data-body]').textContent = item.body || '';
        li.querySelector('[data-kind]').textContent = item.kind || '';
        li.querySelector('[data-time]').textContent = item.createdAt || '';
        var form = li.querySelector('form[data-read-form]');
        form.setAttribute('action', '/notifications/' + encodeURIComponent(item.id || '') + '/read');
        form.querySelector('input[name=link]').value = item.link || '';
        list.insertBefore(li, list.firstChild);
        var empty = document.querySelector('[data-empty]');
        if (empty) { empty.hidden = true; }
      }
    };
    // when the relay keeps ending without news (notification-service down), stop retrying: the page works without it
    source.onerror = function () { failures += 1; if (failures >= 5) { source.close(); } };
  }

  // A file above the size enterprise-service takes is refused before it is sent (the service checks it again).
  function setupMaxBytes(input) {
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? (input.getAttribute('data-too-large') || 'too large') : '');
      input.reportValidity();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-uscc-message]').forEach(setupUscc);
    document.querySelectorAll('[data-due]').forEach(setupCountdown);
    document.querySelectorAll('form[data-confirm]').forEach(setupConfirm);
    document.querySelectorAll('form.decision').forEach(setupDecision);
    document.querySelectorAll('[data-notification-badge]').forEach(setupNotifications);
    document.querySelectorAll('input[data-max-bytes]').forEach(setupMaxBytes);
  });
})();
