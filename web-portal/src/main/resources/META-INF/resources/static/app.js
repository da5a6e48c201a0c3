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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-uscc-message]').forEach(setupUscc);
    document.querySelectorAll('[data-due]').forEach(setupCountdown);
    document.querySelectorAll('form[data-confirm]').forEach(setupConfirm);
    document.querySelectorAll('form.decision').forEach(setupDecision);
  });
})();
