// The coverage page: per trading day of the symbol's calendar, expected and stored bars (marketlake coverage).
'use strict';

MarketLake.header('coverage.html');
const coverageState = { days: 0, totals: null, error: null, ready: false };
window.marketlake = coverageState;
const field = id => document.getElementById(id);

async function show() {
  coverageState.ready = false;
  const q = { symbol: field('symbol').value.trim().toUpperCase(), timeframe: field('timeframe').value };
  if (field('start').value) q.start = field('start').value;
  if (field('end').value) q.end = field('end').value;
  history.replaceState(null, '', '?' + new URLSearchParams(q));
  try {
    const report = await MarketLake.api('coverage', q);
    const rows = report.days.map(d => {
      const share = d.coverage === null ? '' : (100 * d.coverage).toFixed(1) + '%';
      const gap = d.longest_gap ? d.longest_gap.bars + ' from ' + d.longest_gap.start : '';
      return [d.date, d.trades ? 'yes' : 'no', d.expected, d.present, d.missing, d.outside, share, gap, d.note || ''];
    });
    const table = MarketLake.table(field('days'), ['date', 'trades', 'expected', 'present', 'missing', 'outside', 'coverage', 'longest gap', 'note'],
      rows, [false, false, true, true, true, true, true, false, false]);
    report.days.forEach((d, i) => {
      const cell = table.tBodies[0].rows[i].cells[6];
      if (d.coverage !== null) {
        const bar = document.createElement('span');
        bar.className = 'bar';
        bar.style.width = Math.round(60 * d.coverage) + 'px';
        bar.style.marginLeft = '0.5em';
        cell.appendChild(bar);
      }
    });
    const t = report.totals;
    field('status').classList.remove('error');
    field('status').textContent = report.symbol + ' ' + report.timeframe + ' on ' + report.calendar + ', ' + report.first + ' to ' + report.last + ': '
      + t.present.toLocaleString('en-US') + ' of ' + t.expected.toLocaleString('en-US') + ' expected bars'
      + (t.coverage === null ? '' : ' (' + (100 * t.coverage).toFixed(1) + '%)') + ', ' + t.outside + ' outside the sessions';
    Object.assign(coverageState, { days: report.days.length, totals: t, error: null });
  } catch (e) {
    field('days').replaceChildren();
    field('status').textContent = e.message;
    field('status').classList.add('error');
    Object.assign(coverageState, { days: 0, totals: null, error: e.message });
  }
  coverageState.ready = true;
}

const params = MarketLake.params();
field('symbol').value = params.get('symbol') || 'IBM';
field('timeframe').value = params.get('timeframe') || '1m';
field('start').value = params.get('start') || '';
field('end').value = params.get('end') || '';
field('controls').addEventListener('submit', event => { event.preventDefault(); show(); });
MarketLake.api('inventory').then(i => { field('root').textContent = i.root; }).catch(() => {});
show();
