// The SQL page: the text box's statement through /api/sql, its first 10,000 rows as a table, and the row count.
'use strict';

MarketLake.header('sql.html');
const sqlState = { rowCount: null, shown: 0, columns: [], error: null, status: null, ready: false, runs: 0 };
window.marketlake = sqlState;

async function run() {
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  sqlState.ready = false;
  status.classList.remove('error');
  status.textContent = 'Running…';
  const started = performance.now();
  try {
    const answer = await MarketLake.api('sql', null, document.getElementById('sql').value);
    const numeric = answer.rows.length ? answer.rows[0].map(v => typeof v === 'number') : [];
    MarketLake.table(result, answer.columns, answer.rows, numeric);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    status.textContent = answer.row_count.toLocaleString('en-US') + (answer.row_count === 1 ? ' row' : ' rows')
      + (answer.truncated ? ', the first ' + answer.shown.toLocaleString('en-US') + ' shown' : '') + ' (' + seconds + ' s)'
      + (answer.skipped.length ? '; files left out: ' + answer.skipped.join('; ') : '');
    Object.assign(sqlState, { rowCount: answer.row_count, shown: answer.shown, columns: answer.columns, error: null, status: 200 });
  } catch (e) {
    result.replaceChildren();
    status.textContent = e.message;
    status.classList.add('error');
    Object.assign(sqlState, { rowCount: null, shown: 0, columns: [], error: e.message, status: e.status });
  }
  sqlState.runs++;
  sqlState.ready = true;
}

document.getElementById('form').addEventListener('submit', event => { event.preventDefault(); run(); });
document.getElementById('sql').addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
MarketLake.api('inventory').then(i => { document.getElementById('root').textContent = i.root; }).catch(() => {});
const asked = MarketLake.params().get('q');
if (asked) document.getElementById('sql').value = asked;
sqlState.ready = true;
