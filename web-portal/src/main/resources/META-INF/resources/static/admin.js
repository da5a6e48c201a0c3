// finmatch admin: KPI charts (ECharts, served by the portal) and the live feed of matches (SSE through the portal).
(function () {
  'use strict';

  function number(v) { var n = Number(v); return isNaN(n) ? 0 : n; }

  function barChart(el, summary, fields) {
    if (!window.echarts) { return; }
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var groups = (summary && summary.groups) || [];
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      color: ['#0b4f9c', '#b35c00', '#1b6b35'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, bottom: 72, top: 36 },
      xAxis: { type: 'category', data: groups.map(function (g) { return g.key || '—'; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: fields.map(function (f, i) {
        return { name: labels[i] || f, type: 'bar', data: groups.map(function (g) { return number(g[f]); }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
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
    if (!window.echarts) { return; }
    var fields = (el.getAttribute('data-fields') || '').split('|');
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var points = (series && series.points) || [];
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      color: ['#0b4f9c', '#b35c00', '#1b6b35'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, bottom: 48, top: 36 },
      xAxis: { type: 'category', data: points.map(function (p) { return p.label; }) },
      yAxis: { type: 'value' },
      series: fields.map(function (f, i) {
        return { name: labels[i] || f, type: 'line', smooth: false,
                 data: points.map(function (p) { return number(p.total && p.total[f]); }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
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
