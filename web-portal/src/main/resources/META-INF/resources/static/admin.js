// finmatch admin: KPI charts (ECharts, served by the portal) and the live feed of matches (SSE through the portal).
(function () {
  'use strict';

  function number(v) { var n = Number(v); return isNaN(n) ? 0 : n; }

  // one ECharts chart in el: a category per item (its name from label(item)), a series per field of el's data-labels
  function draw(el, items, label, fields, type, value, grid) {
    if (!window.echarts) { return; }
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      color: ['#0b4f9c', '#b35c00', '#1b6b35'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: grid,
      xAxis: { type: 'category', data: items.map(label), axisLabel: { rotate: type === 'bar' ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: fields.map(function (f, i) {
        return { name: labels[i] || f, type: type, data: items.map(function (item) { return number(value(item, f)); }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function barChart(el, summary, fields) {
    draw(el, (summary && summary.groups) || [], function (g) { return g.key || '—'; }, fields, 'bar',
      function (g, f) { return g[f]; }, { left: 48, right: 16, bottom: 72, top: 36 });
  }

  function setupCharts() {
    var volume = document.getElementById('chart-volume');
    var rates = document.getElementById('chart-rates');
    if (!volume) { return; }
    fetch(volume.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (summary) {
        if (!summary) { return; }
        barChart(volume, summary, ['matches', 'applications', 'openNeeds']);
        if (rates) { barChart(rates, summary, ['acceptanceRate', 'approvalRate', 'creditLoanShare']); }
      })
      .catch(function () { /* the table below shows the same numbers */ });
  }

  // the KPI series (matching-service's, through the portal) as line charts, one per element .chart.trend
  function lineChart(el, series) {
    draw(el, (series && series.points) || [], function (p) { return p.label; },
      (el.getAttribute('data-fields') || '').split('|'), 'line',
      function (p, f) { return p.total && p.total[f]; }, { left: 64, right: 16, bottom: 48, top: 36 });
  }

  function setupTrends() {
    var charts = document.querySelectorAll('.chart.trend');
    if (!charts.length) { return; }
    fetch(charts[0].getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (series) {
        if (!series) { return; }
        Array.prototype.forEach.call(charts, function (el) { lineChart(el, series); });
      })
      .catch(function () { /* the trend table shows the latest figures */ });
  }

  function setupFeed() {
    var list = document.getElementById('feed');
    var status = document.getElementById('feed-status');
    if (!list || !window.EventSource) { return; }
    var source = new EventSource(list.getAttribute('data-stream'));
    source.onopen = function () { status.textContent = status.getAttribute('data-live'); };
    source.onerror = function () { status.textContent = status.getAttribute('data-lost'); };
    source.onmessage = function (e) {
      var item = document.createElement('li');
      var text;
      try {
        var m = JSON.parse(e.data);
        var top = (m.topMatches || m.matches || m.products || []).map(function (p) {
          return (p.name || p.productId) + (p.score !== undefined ? ' (' + p.score + ')' : '');
        }).join(', ');
        text = top ? (m.enterpriseName || m.enterpriseId || '') + ' · ' + top
          : [m.at, m.change, m.enterpriseId, m.productId, m.bankId, m.score !== undefined ? 'score ' + m.score : '']
              .filter(function (x) { return x !== undefined && x !== null && x !== ''; }).join(' · ');
      } catch (err) {
        text = e.data;
      }
      item.textContent = text;  // textContent: whatever arrives is shown as text, never as markup
      list.insertBefore(item, list.firstChild);
      while (list.children.length > 50) { list.removeChild(list.lastChild); }
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupCharts();
    setupTrends();
    setupFeed();
  });
})();
