// The Mini App: the rectification ledger as a table and the visit dashboard. Plain script, no libraries, nothing
// loaded from another site. Every request carries Telegram's signed start data (initData); the server decides what
// this person may see and do. Every text comes from the server, in the member's language.
(function () {
  'use strict';

  var COLUMNS = [
    ['code', 'number'], ['unit', 'unit'], ['sector', 'sector'], ['aspect', 'aspect'],
    ['severity', 'severity'], ['status', 'status'], ['deadline', 'deadline'], ['overdue', 'overdue']
  ];
  var FILTERS = ['scope', 'status', 'sector', 'aspect', 'severity', 'city'];

  var state = {
    texts: {}, session: null, view: 'ledger', page: 0, sort: 'ledger', dir: 'asc',
    filter: {}, item: null, etag: null, listStale: false, dashboardLoaded: false
  };

  // ---- Telegram: start data, theme, ready/expand (telegram-web-app.js is optional and not loaded) ----
  var telegram = (function () {
    var app = window.Telegram && window.Telegram.WebApp;
    var launch = new URLSearchParams(location.hash.slice(1));
    var initData = (app && app.initData) || launch.get('tgWebAppData') || '';
    try {
      // The fragment is gone after an in-page navigation or a reload inside Telegram: keep it for this tab.
      if (initData) { sessionStorage.setItem('tgWebAppData', initData); } else { initData = sessionStorage.getItem('tgWebAppData') || ''; }
    } catch (e) { /* storage may be off */ }
    var theme = (app && app.themeParams) || parseJson(launch.get('tgWebAppThemeParams'));

    function post(type, data) {
      var payload = JSON.stringify({ eventType: type, eventData: data || {} });
      try {
        if (app && type === 'web_app_ready') { app.ready(); return; }
        if (app && type === 'web_app_expand') { app.expand(); return; }
        if (window.TelegramWebviewProxy) { window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data || {})); } else if (window.external && 'notify' in window.external) { window.external.notify(payload); } else if (window.parent !== window) { window.parent.postMessage(payload, '*'); }
      } catch (e) { /* not inside Telegram */ }
    }

    function receive(type, data) {
      if (type === 'theme_changed' && data && data.theme_params) { applyTheme(data.theme_params); }
    }

    window.Telegram = window.Telegram || {};
    if (!window.Telegram.WebView) { window.Telegram.WebView = { receiveEvent: receive }; }
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent) { return; }
      var message = typeof event.data === 'string' ? parseJson(event.data) : event.data;
      if (message && message.eventType) { receive(message.eventType, message.eventData); }
    });
    if (app && app.onEvent) { app.onEvent('themeChanged', function () { applyTheme(app.themeParams); }); }

    return { initData: initData, theme: theme, post: post };
  })();

  function parseJson(text) {
    if (!text) { return null; }
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  function applyTheme(params) {
    if (!params || typeof params !== 'object') { return; }
    var root = document.documentElement;
    Object.keys(params).forEach(function (key) {
      var value = String(params[key]);
      if (/^#[0-9a-fA-F]{3,8}$/.test(value) && /^[a-z_]+$/.test(key)) {
        root.style.setProperty('--tg-theme-' + key.replace(/_/g, '-'), value);
      }
    });
    if (params.bg_color) { root.setAttribute('data-theme', luminance(params.bg_color) < 0.45 ? 'dark' : 'light'); }
  }

  function luminance(hex) {
    var h = hex.replace('#', '');
    if (h.length === 3) { h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2]; }
    var n = parseInt(h.slice(0, 6), 16);
    return (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  }

  // ---- Small helpers ----
  function $(id) { return document.getElementById(id); }
  function T(key) { return state.texts[key] || key; }
  function format(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    // English plural blocks, as the server writes them (PluralText): {0, plural, one {# day} other {# days}}.
    var text = T(key).replace(/\{(\d+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g, function (m, i, one, other) {
      return (Number(args[i]) === 1 ? one : other).replace(/#/g, '{' + i + '}');
    });
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : String(args[i]); });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name === 'class') { node.className = value; } else if (name.slice(0, 2) === 'on') { node.addEventListener(name.slice(2), value); } else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); } });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function notice(text, kind) {
    var box = $('notice');
    box.textContent = text || '';
    box.className = 'notice' + (kind ? ' ' + kind : '');
  }

  // ---- The API: every call carries the start data; a refusal comes back as { error, message, item? } ----
  function api(path, options) {
    options = options || {};
    var headers = { 'Authorization': 'tma ' + telegram.initData, 'Accept': 'application/json' };
    if (options.body) { headers['Content-Type'] = 'application/json'; }
    if (options.etag) { headers['If-Match'] = options.etag; }
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined, cache: 'no-store', credentials: 'omit' })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok) {
            var failure = new Error((body && body.message) || (state.texts['error.http'] ? format('error.http', response.status) : 'HTTP ' + response.status));
            failure.status = response.status;
            failure.body = body || {};
            throw failure;
          }
          return { body: body, etag: response.headers.get('ETag') };
        });
      });
  }

  function failed(error) {
    notice(error && error.message ? error.message : String(error), 'error');
  }

  // ---- Start ----
  function start() {
    if (telegram.theme) { applyTheme(telegram.theme); }
    telegram.post('web_app_ready');
    telegram.post('web_app_expand');
    var params = new URLSearchParams(location.search);
    state.view = params.get('view') === 'dashboard' ? 'dashboard' : 'ledger';
    FILTERS.forEach(function (name) { if (params.get(name)) { state.filter[name] = params.get(name); } });
    if (params.get('q')) { state.filter.q = params.get('q'); }

    api('api/session').then(function (result) {
      var session = result.body;
      state.session = session;
      state.texts = session.texts;
      document.documentElement.lang = session.language;
      document.title = T('title');
      notice('');
      $('who').textContent = format('who', session.team, session.name, session.roleLabel, session.todayLabel);
      setupFilters(session);
      setupTable();
      $('tab-ledger').textContent = T('tab.ledger');
      $('tab-dashboard').textContent = T('tab.dashboard');
      $('tabs').hidden = !session.dashboard;
      if (!session.dashboard) { state.view = 'ledger'; }
      Array.prototype.forEach.call(document.querySelectorAll('#tabs button'), function (button) {
        button.addEventListener('click', function () { show(button.getAttribute('data-view')); });
      });
      show(state.view);
    }).catch(function (error) {
      failed(error);
    });
  }

  function show(view) {
    state.view = view;
    $('ledger').hidden = view !== 'ledger';
    $('dashboard').hidden = view !== 'dashboard';
    $('item').hidden = view !== 'item';
    $('tab-ledger').setAttribute('aria-selected', String(view === 'ledger'));
    $('tab-dashboard').setAttribute('aria-selected', String(view === 'dashboard'));
    if (view === 'ledger' && (state.listStale || !$('rows').firstChild)) { state.listStale = false; loadLedger(); }
    if (view === 'dashboard') { loadDashboard(); }
    window.scrollTo(0, 0);
  }

  // ---- The ledger ----
  function setupFilters(session) {
    $('f-q').placeholder = T('filter.search');
    $('f-q').value = state.filter.q || '';
    $('f-apply').textContent = T('filter.apply');
    $('f-reset').textContent = T('filter.reset');
    $('f-more').textContent = T('filter.more');
    // On a phone the choices stay folded unless one is in use; on a wide screen they are open.
    $('more').open = window.innerWidth > 640 || FILTERS.some(function (name) { return !!state.filter[name]; });
    FILTERS.forEach(function (name) {
      var select = $('f-' + name);
      select.setAttribute('aria-label', T('filter.' + name));
      select.appendChild(el('option', { value: '', text: T('filter.' + name) }));
      (session.options[name] || []).forEach(function (option) {
        select.appendChild(el('option', { value: option.value, text: option.label }));
      });
      select.value = state.filter[name] || '';
      select.addEventListener('change', function () { state.filter[name] = select.value; state.page = 0; loadLedger(); });
    });
    $('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      state.filter.q = $('f-q').value.trim();
      state.page = 0;
      loadLedger();
    });
    $('f-reset').addEventListener('click', function () {
      state.filter = {};
      $('f-q').value = '';
      FILTERS.forEach(function (name) { $('f-' + name).value = ''; });
      state.page = 0;
      loadLedger();
    });
    $('prev').textContent = T('page.previous');
    $('next').textContent = T('page.next');
    $('prev').addEventListener('click', function () { if (state.page > 0) { state.page--; loadLedger(); } });
    $('next').addEventListener('click', function () { state.page++; loadLedger(); });
  }

  function setupTable() {
    var head = clear($('head'));
    COLUMNS.forEach(function (column) {
      var th = el('th', { 'data-sort': column[1], text: T('col.' + column[0]), scope: 'col' });
      th.addEventListener('click', function () {
        var sort = th.getAttribute('data-sort');
        state.dir = state.sort === sort && state.dir === 'asc' ? 'desc' : 'asc';
        state.sort = sort;
        state.page = 0;
        loadLedger();
      });
      head.appendChild(th);
    });
  }

  function ledgerQuery() {
    var params = new URLSearchParams();
    if (state.filter.q) { params.set('q', state.filter.q); }
    FILTERS.forEach(function (name) { if (state.filter[name]) { params.set(name, state.filter[name]); } });
    params.set('sort', state.sort);
    params.set('dir', state.dir);
    params.set('page', String(state.page));
    return params.toString();
  }

  function loadLedger() {
    $('summary').textContent = T('loading');
    return api('api/ledger?' + ledgerQuery()).then(function (result) {
      notice('');
      renderLedger(result.body);
    }).catch(function (error) {
      $('summary').textContent = '';
      failed(error);
    });
  }

  function renderLedger(page) {
    Array.prototype.forEach.call(document.querySelectorAll('#head th'), function (th) {
      var sorted = th.getAttribute('data-sort') === page.sort;
      th.setAttribute('aria-sort', sorted ? (page.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      if (!sorted) { th.removeAttribute('aria-sort'); }
    });
    var rows = clear($('rows'));
    if (page.items.length === 0) {
      rows.appendChild(el('tr', {}, [el('td', { colspan: '8', class: 'empty', text: T(page.total === 0 ? 'empty' : 'no_more') })]));
    }
    page.items.forEach(function (item) {
      var row = el('tr', { 'data-code': item.code, tabindex: '0', onclick: function () { state.returnTo = 'ledger'; openItem(item.code); }, onkeydown: function (event) { if (event.key === 'Enter') { state.returnTo = 'ledger'; openItem(item.code); } } }, [
        el('td', { class: 'code' + (item.major ? ' major' : ''), text: item.code }, item.covert ? [el('span', { class: 'badge covert', text: T('covert') })] : []),
        el('td', { class: 'unit', text: item.unit }),
        el('td', { class: 'sector', text: item.sector }),
        el('td', { class: 'aspect', text: item.aspect }),
        el('td', { class: 'severity', text: item.severity }),
        el('td', { class: 'status status-' + item.statusValue, text: item.status }),
        el('td', { class: 'deadline', 'data-label': T('col.deadline'), text: item.deadlineLabel }),
        el('td', { class: 'overdue' + (item.daysOverdue > 0 ? ' late' : ''), text: item.daysOverdue > 0 ? format('overdue_days', item.daysOverdue) : '' })
      ]);
      rows.appendChild(row);
    });
    $('summary').textContent = format('summary', page.total);
    $('pageinfo').textContent = format('page.of', page.page + 1, page.pages);
    $('prev').disabled = page.page <= 0;
    $('next').disabled = page.page + 1 >= page.pages;
    state.page = page.page;
  }

  // ---- One item: its card, history, evidence and the steps the role allows ----
  function openItem(code) {
    notice('');
    api('api/items/' + encodeURIComponent(code)).then(function (result) {
      renderItem(result.body, result.etag);
      show('item');
    }).catch(failed);
  }

  function renderItem(item, etag, keep) {
    state.item = item;
    state.etag = etag || ('"' + item.revision + '"');
    var box = clear($('item'));
    var back = el('button', { type: 'button', class: 'link', text: T('back'), onclick: function () { notice(''); show(state.returnTo || 'ledger'); } });
    var badges = [el('span', { class: 'badge status-' + item.statusValue, text: item.status })];
    if (item.covert) { badges.push(el('span', { class: 'badge covert', text: T('covert') })); }
    if (item.daysOverdue > 0) { badges.push(el('span', { class: 'badge late', text: format('overdue_days', item.daysOverdue) })); }
    var card = el('article', { class: 'card', 'data-code': item.code }, [
      back,
      el('h2', { class: item.major ? 'major' : '', text: item.code + ' · ' + item.title }),
      el('div', { class: 'sub' }, badges.concat([' ', format('deadline_is', item.deadlineLabel)])),
      fieldList(item.fields)
    ]);
    if (item.rectification.length) {
      card.appendChild(el('h3', { text: T('rectification') }));
      card.appendChild(fieldList(item.rectification));
    }
    card.appendChild(el('h3', { text: T('actions') }));
    card.appendChild(actions(item, keep));
    card.appendChild(el('h3', { text: T('evidence') }));
    card.appendChild(item.evidence.length ? el('ul', { class: 'plain' }, item.evidence.map(function (e) {
      return el('li', {}, [el('span', { class: 'when', text: e.added + (e.fix ? ' · ' + T('evidence.fix') : '') }), e.kind + (e.name ? ' · ' + e.name : '')]);
    })) : el('p', { class: 'hint', text: T('none') }));
    card.appendChild(el('h3', { text: T('history') }));
    card.appendChild(el('ul', { class: 'plain' }, item.history.map(function (h) {
      return el('li', {}, [el('span', { class: 'when', text: h.when + ' · ' + h.who }), h.what]);
    })));
    box.appendChild(card);
  }

  function fieldList(fields) {
    var list = el('dl', { class: 'fields' });
    fields.forEach(function (f) { list.appendChild(el('dt', { text: f.label })); list.appendChild(el('dd', { text: f.value })); });
    return list;
  }

  function actions(item, keep) {
    var wrap = el('div');
    if (!item.actions.length) { wrap.appendChild(el('p', { class: 'hint', text: T('no_actions') })); return wrap; }
    var buttons = el('div', { class: 'actions' });
    var holder = el('div');
    item.actions.forEach(function (action) {
      buttons.appendChild(el('button', { type: 'button', class: 'secondary', 'data-step': action.action, text: action.label, onclick: function () { clear(holder).appendChild(stepForm(item, action)); } }));
    });
    wrap.appendChild(buttons);
    wrap.appendChild(holder);
    if (keep) {
      var again = item.actions.filter(function (a) { return a.action === keep.step; })[0];
      if (again) { holder.appendChild(stepForm(item, again, keep.values)); }
    }
    return wrap;
  }

  // The form of one step: what the chat's questions would ask, and nothing typed is lost on a refusal.
  function stepForm(item, action, values) {
    values = values || {};
    var form = el('form', { class: 'step', 'data-step': action.action });
    var inputs = {};
    action.needs.forEach(function (need) {
      var input = need === 'deadline'
        ? el('input', { type: 'date', name: need, required: true, min: state.session.today, value: values[need] || '' })
        : el('textarea', { name: need, maxlength: '1000', required: true });
      if (need !== 'deadline' && values[need]) { input.value = values[need]; }
      inputs[need] = input;
      form.appendChild(el('label', {}, [T('need.' + need), input]));
    });
    var message = el('div', { class: 'hint', role: 'alert' });
    var submit = el('button', { type: 'submit', class: 'primary', text: format('confirm', action.label) });
    form.appendChild(message);
    form.appendChild(el('div', { class: 'row' }, [submit, el('button', { type: 'button', class: 'link', text: T('cancel'), onclick: function () { form.remove(); } })]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {};
      Object.keys(inputs).forEach(function (need) { body[need] = inputs[need].value; });
      submit.disabled = true;
      api('api/items/' + encodeURIComponent(item.code) + '/' + action.action, { method: 'POST', body: body, etag: state.etag })
        .then(function (result) {
          state.listStale = true;
          state.dashboardLoaded = false;
          renderItem(result.body.item, result.etag);
          notice(result.body.message, 'done');
        })
        .catch(function (error) {
          submit.disabled = false;
          var refused = error.body || {};
          if (refused.item) {
            // The item changed, or the step is not allowed: show it as it is now, keep what was typed.
            state.listStale = true;
            renderItem(refused.item, '"' + refused.item.revision + '"', { step: action.action, values: body });
            notice(error.message, 'error');
          } else {
            message.textContent = error.message;
            message.className = 'notice error';
          }
        });
    });
    return form;
  }

  // ---- The dashboard ----
  function loadDashboard() {
    if (state.dashboardLoaded) { return; }
    var box = clear($('dashboard'));
    box.appendChild(el('p', { class: 'hint', text: T('loading') }));
    api('api/dashboard').then(function (result) {
      state.dashboardLoaded = true;
      renderDashboard(result.body);
    }).catch(function (error) { clear(box); failed(error); });
  }

  function renderDashboard(d) {
    var box = clear($('dashboard'));
    var major = d.bySeverity.filter(function (s) { return s.filter === 'MajorHazard'; })[0];
    box.appendChild(el('p', { class: 'hint', text: format('as_of', d.asOf) }));
    box.appendChild(el('div', { class: 'tiles' }, [
      tile(d.total, T('total'), ''),
      tile(d.overdue, T('overdue'), d.overdue > 0 ? 'alert' : ''),
      tile(major ? major.count : 0, T('major'), major && major.count > 0 ? 'alert' : '')
    ]));
    box.appendChild(bars(T('by_status'), d.byStatus, 'status', function (c) { return c.filter === 'Closed' ? 'ok' : ''; }));
    box.appendChild(trend(d.trend));
    var due = el('section', { class: 'panel' }, [el('h3', { text: format('due_soon', d.dueSoonCount) })]);
    due.appendChild(d.dueSoon.length ? el('ul', { class: 'plain' }, d.dueSoon.map(function (f) {
      return el('li', { 'data-code': f.code, onclick: function () { state.returnTo = 'dashboard'; openItem(f.code); } }, [
        el('span', { class: 'when', text: f.deadline + ' · ' + (f.daysLeft === 0 ? T('due_today') : format('days_left', f.daysLeft)) + ' · ' + f.status }),
        el('b', { class: f.major ? 'major' : '', text: f.code }), ' ' + f.unit
      ]);
    })) : el('p', { class: 'hint', text: T('none') }));
    box.appendChild(due);
    box.appendChild(bars(T('by_severity'), d.bySeverity, 'severity', function (c) { return c.filter === 'MajorHazard' ? 'danger' : ''; }));
    box.appendChild(bars(T('by_sector'), d.bySector, 'sector'));
    box.appendChild(bars(T('by_aspect'), d.byAspect, 'aspect'));
    if (d.leads) {
      // Leads awaiting answers: the section appears once leads are recorded.
      var leads = el('section', { class: 'panel', id: 'leads' }, [el('h3', { text: T('leads') })]);
      leads.appendChild(d.leads.length ? el('ul', { class: 'plain' }, d.leads.map(function (l) {
        return el('li', {}, [el('span', { class: 'when', text: [l.due, l.handedOverTo].filter(Boolean).join(' · ') }), el('b', { text: l.code }), ' ' + l.subject]);
      })) : el('p', { class: 'hint', text: T('none') }));
      box.appendChild(leads);
    }
  }

  function tile(value, label, kind) {
    return el('div', { class: 'tile ' + kind }, [el('b', { text: String(value) }), el('span', { text: label })]);
  }

  function bars(title, counts, filter, accent) {
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; }).concat([1]));
    var grid = el('div', { class: 'bars' });
    counts.forEach(function (c) {
      grid.appendChild(el('span', { class: 'label', title: c.label, text: c.label }));
      grid.appendChild(el('span', { class: 'track' }, [el('span', { class: 'fill ' + (accent ? accent(c) : ''), 'data-width': String(Math.round(100 * c.count / max)) })]));
      grid.appendChild(el('span', { class: 'count', text: String(c.count) }));
    });
    Array.prototype.forEach.call(grid.querySelectorAll('.fill'), function (fill) { fill.style.width = fill.getAttribute('data-width') + '%'; });
    return el('section', { class: 'panel', 'data-panel': filter }, [el('h3', { text: title }), grid]);
  }

  function trend(points) {
    var max = Math.max.apply(null, points.map(function (p) { return p.overdue; }).concat([1]));
    var chart = el('div', { class: 'trend' });
    points.forEach(function (p) {
      var col = el('span', { class: 'col' });
      col.style.height = Math.round(80 * p.overdue / max) + '%';
      chart.appendChild(el('div', { class: 'week', title: p.label }, [el('span', { class: 'n', text: String(p.overdue) }), col, el('span', { class: 'w', text: p.short })]));
    });
    return el('section', { class: 'panel', 'data-panel': 'trend' }, [el('h3', { text: T('trend') }), chart]);
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
