/* Hamkke progressive enhancements. Every page works without this file; it only adds:
 *  1. focus on the error summary after an invalid submit, and summary links that focus the field;
 *  2. confirm dialogs for [data-confirm] buttons, links and forms;
 *  3. a session-expiry warning (body[data-session-expires-at]) with a way to extend;
 *  4. the ballot basket counter ([data-basket] checkboxes -> aria-live count);
 *  5. an optional high-contrast toggle ([data-theme-toggle]).
 * Loaded with <script src="/assets/js/app.js" defer></script>; no inline script is needed (CSP). */
(function () {
  'use strict';

  var STORAGE_THEME = 'hamkke-theme';

  // Apply a stored theme as early as possible (the script is deferred, so this runs before paint
  // of later content but after parsing; the server may also set data-theme itself).
  try {
    var storedTheme = window.localStorage.getItem(STORAGE_THEME);
    if (storedTheme) document.documentElement.setAttribute('data-theme', storedTheme);
  } catch (e) { /* storage may be disabled */ }

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  // ---- 1. error summary --------------------------------------------------------------------
  function initErrorSummary() {
    var summary = document.querySelector('.error-summary, .krds-error-summary, [data-error-summary]');
    if (!summary) return;
    if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) return;
      event.preventDefault();
      // For a group of radios/checkboxes the link may point at the fieldset: focus its first input.
      var field = target.matches('input, select, textarea, button, [tabindex]')
        ? target : target.querySelector('input, select, textarea');
      var label = (field && field.id && document.querySelector('label[for="' + field.id + '"]')) ||
        target.closest('fieldset, .form-group') || target;
      if (label.scrollIntoView) label.scrollIntoView({ block: 'start' });
      if (field) field.focus({ preventScroll: true });
      if (window.history && window.history.replaceState) window.history.replaceState(null, '', link.getAttribute('href'));
    });
  }

  // ---- 2. confirm dialogs --------------------------------------------------------------------
  function initConfirm() {
    document.addEventListener('click', function (event) {
      var el = event.target.closest ? event.target.closest('a[data-confirm], button[data-confirm], input[type="submit"][data-confirm]') : null;
      if (!el) return;
      if (!window.confirm(el.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      } else if (el.form) {
        el.form.setAttribute('data-confirmed', 'true');
      }
    }, true);
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!form.hasAttribute || !form.hasAttribute('data-confirm')) return;
      if (form.getAttribute('data-confirmed') === 'true') { form.removeAttribute('data-confirmed'); return; }
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    }, true);
  }

  // ---- 3. session-expiry warning -------------------------------------------------------------
  // <body data-session-expires-at="2026-11-23T14:30:00Z"            (ISO or epoch seconds/ms)
  //       data-session-warn-seconds="120"                           (optional, at least 20)
  //       data-session-extend-url="/session/extend"                 (optional; GET that renews the
  //                                                                  login; may answer JSON {expiresAt})
  //       data-session-timeout-seconds="1800">                      (optional; used when the
  //                                                                  answer carries no new time)
  function parseTime(value) {
    if (!value) return NaN;
    if (/^\d+$/.test(value)) {
      var n = Number(value);
      return n < 1e12 ? n * 1000 : n;
    }
    return Date.parse(value);
  }

  function initSessionWarning() {
    var body = document.body;
    var expiresAt = parseTime(body.getAttribute('data-session-expires-at'));
    if (isNaN(expiresAt)) return;
    var warnMs = Math.max(20, Number(body.getAttribute('data-session-warn-seconds')) || 120) * 1000;
    var extendUrl = body.getAttribute('data-session-extend-url') || window.location.href;
    var timeoutSeconds = Number(body.getAttribute('data-session-timeout-seconds')) || 0;
    var box = null;
    var message = null;
    var tick = null;

    function build() {
      box = document.createElement('div');
      box.className = 'session-warning';
      box.setAttribute('role', 'alert');
      box.hidden = true;
      message = document.createElement('p');
      var actions = document.createElement('p');
      actions.className = 'btn-group';
      var extend = document.createElement('a');
      extend.className = 'btn btn-primary';
      extend.href = extendUrl;
      extend.textContent = '로그인 시간 연장';
      extend.addEventListener('click', function (event) {
        if (!window.fetch) return; // plain link: reloads the page and renews the login
        event.preventDefault();
        window.fetch(extendUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            var type = response.headers.get('Content-Type') || '';
            return type.indexOf('json') >= 0 ? response.json() : {};
          })
          .then(function (data) {
            var next = parseTime(data && data.expiresAt ? String(data.expiresAt) : '');
            expiresAt = !isNaN(next) ? next : Date.now() + (timeoutSeconds ? timeoutSeconds * 1000 : warnMs * 10);
            body.setAttribute('data-session-expires-at', new Date(expiresAt).toISOString());
            box.hidden = true;
            announce('로그인 시간이 연장되었습니다.');
            schedule();
          })
          .catch(function () { window.location.href = extendUrl; });
      });
      actions.appendChild(extend);
      box.appendChild(message);
      box.appendChild(actions);
      body.appendChild(box);
    }

    function update() {
      var left = Math.round((expiresAt - Date.now()) / 1000);
      if (left <= 0) {
        message.textContent = '로그인 시간이 끝났습니다. 작성한 내용을 복사해 두고 다시 로그인해 주세요.';
        clearInterval(tick);
        return;
      }
      var min = Math.floor(left / 60);
      var sec = left % 60;
      var text = (min > 0 ? min + '분 ' : '') + sec + '초';
      // Only rewrite the live text every 30 s (and in the last 20 s every 10 s) so screen readers are not flooded.
      if (!message.textContent || left % 30 === 0 || (left <= 20 && left % 10 === 0)) {
        message.textContent = '로그인이 ' + text + ' 뒤에 끝납니다. 계속하려면 로그인 시간을 연장하세요.';
      }
    }

    function schedule() {
      clearInterval(tick);
      var delay = expiresAt - warnMs - Date.now();
      setTimeout(function () {
        if (!box) build();
        box.hidden = false;
        message.textContent = '';
        update();
        tick = setInterval(update, 1000);
      }, Math.max(0, delay));
    }

    schedule();
  }

  var liveRegion = null;
  function announce(text) {
    if (!liveRegion) {
      liveRegion = document.createElement('div');
      liveRegion.className = 'visually-hidden';
      liveRegion.setAttribute('role', 'status');
      document.body.appendChild(liveRegion);
    }
    liveRegion.textContent = '';
    setTimeout(function () { liveRegion.textContent = text; }, 50);
  }

  // ---- 4. ballot basket counter --------------------------------------------------------------
  // <form data-basket-form data-basket-max="3" data-basket-budget="500000000">
  //   <input type="checkbox" name="projectIds" value="7" data-basket data-cost="120000000"> …
  //   <p data-basket-count aria-live="polite">선택한 사업 0개</p>
  // Count text is "선택한 사업 N개" (+ " · 합계 …원" when data-cost is present), overridable with
  // data-basket-template="… {count} … {total} …" on the count element.
  function initBasket() {
    var boxes = document.querySelectorAll('input[type="checkbox"][data-basket]');
    if (!boxes.length) return;
    var scopes = [];
    Array.prototype.forEach.call(boxes, function (box) {
      var scope = box.closest('[data-basket-form], form') || document.body;
      if (scopes.indexOf(scope) < 0) scopes.push(scope);
    });
    scopes.forEach(function (scope) {
      var counter = scope.querySelector('[data-basket-count]');
      if (!counter) {
        counter = document.createElement('p');
        counter.className = 'basket-count';
        counter.setAttribute('data-basket-count', '');
        var firstBox = scope.querySelector('input[data-basket]');
        var anchor = firstBox.closest('fieldset') || firstBox.closest('.form-check') || firstBox;
        anchor.parentNode.insertBefore(counter, anchor.nextSibling);
      }
      counter.setAttribute('aria-live', 'polite');
      counter.setAttribute('aria-atomic', 'true');
      var max = Number(scope.getAttribute('data-basket-max')) || 0;
      var budget = Number(scope.getAttribute('data-basket-budget')) || 0;

      function render() {
        var checked = scope.querySelectorAll('input[type="checkbox"][data-basket]:checked');
        var count = checked.length;
        var total = 0;
        var hasCost = false;
        Array.prototype.forEach.call(checked, function (c) {
          if (c.hasAttribute('data-cost')) { hasCost = true; total += Number(c.getAttribute('data-cost')) || 0; }
        });
        if (!hasCost && scope.querySelector('input[data-basket][data-cost]')) hasCost = true;
        var totalText = total.toLocaleString('ko-KR') + '원';
        var template = counter.getAttribute('data-basket-template');
        var text = template
          ? template.replace('{count}', String(count)).replace('{total}', totalText)
          : '선택한 사업 ' + count + '개' + (max ? ' (최대 ' + max + '개)' : '') + (hasCost ? ' · 합계 ' + totalText : '');
        var over = (max && count > max) || (budget && total > budget);
        if (max && count > max) text += ' — 최대 ' + max + '개까지 고를 수 있습니다.';
        else if (budget && total > budget) text += ' — 예산 ' + budget.toLocaleString('ko-KR') + '원을 넘었습니다.';
        counter.textContent = text;
        counter.classList.toggle('is-over', Boolean(over));
      }
      scope.addEventListener('change', function (event) {
        if (event.target.matches && event.target.matches('input[data-basket]')) render();
      });
      render();
    });
  }

  // ---- 5. high-contrast toggle ---------------------------------------------------------------
  // <button type="button" class="btn btn-small theme-toggle" data-theme-toggle aria-pressed="false">고대비</button>
  function initThemeToggle() {
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    function sync() {
      var on = document.documentElement.getAttribute('data-theme') === 'high-contrast';
      Array.prototype.forEach.call(buttons, function (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); });
    }
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        var on = document.documentElement.getAttribute('data-theme') !== 'high-contrast';
        var theme = on ? 'high-contrast' : 'light';
        document.documentElement.setAttribute('data-theme', theme);
        try { window.localStorage.setItem(STORAGE_THEME, theme); } catch (e) { /* ignore */ }
        sync();
      });
    });
    sync();
  }

  ready(function () {
    initErrorSummary();
    initConfirm();
    initSessionWarning();
    initBasket();
    initThemeToggle();
  });

  window.Hamkke = { announce: announce };
}());
