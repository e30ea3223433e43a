// The lake page: the inventory `marketlake ls` prints, filterable, each row a link to its chart; bad files listed.
'use strict';

MarketLake.header('index.html');
const lakeState = { entries: [], problems: [], shown: 0 };
window.marketlake = lakeState;

function render() {
  const words = document.getElementById('filter').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = lakeState.entries.filter(e => words.every(w => [e.kind, e.timeframe, e.symbol].join(' ').toLowerCase().includes(w)));
  const columns = ['kind', 'timeframe', 'symbol', 'files', 'periods', 'rows', 'bytes', 'first', 'last', ''];
  const table = MarketLake.table(document.getElementById('inventory'), columns, [], null);
  const body = table.tBodies[0];
  for (const e of shown) {
    const row = body.insertRow();
    row.dataset.symbol = e.symbol;
    MarketLake.cell(row, e.kind);
    MarketLake.cell(row, e.kind === 'quotes' ? '' : e.timeframe);
    const symbol = MarketLake.cell(row, '');
    const link = document.createElement('a');
    link.href = 'chart.html?' + new URLSearchParams({ symbol: e.symbol, timeframe: e.timeframe });
    link.textContent = e.symbol;
    link.className = 'chart-link';
    symbol.appendChild(link);
    MarketLake.cell(row, e.files + ' ' + e.unit + (e.files === 1 ? '' : 's'), true);
    MarketLake.cell(row, e.periods);
    MarketLake.cell(row, e.rows.toLocaleString('en-US'), true);
    MarketLake.cell(row, MarketLake.bytes(e.bytes), true);
    MarketLake.cell(row, e.first);
    MarketLake.cell(row, e.last);
    const more = MarketLake.cell(row, '');
    if (e.kind === 'bars') {
      const coverage = document.createElement('a');
      coverage.href = 'coverage.html?' + new URLSearchParams({ symbol: e.symbol, timeframe: e.timeframe });
      coverage.textContent = 'coverage';
      more.appendChild(coverage);
    }
  }
  lakeState.shown = shown.length;
  document.getElementById('status').textContent = shown.length + ' of ' + lakeState.entries.length + ' rows';
}

async function start() {
  try {
    const inventory = await MarketLake.api('inventory');
    lakeState.entries = inventory.entries;
    lakeState.problems = inventory.problems;
    document.getElementById('root').textContent = inventory.root;
    if (inventory.problems.length > 0) {
      const box = document.createElement('div');
      box.className = 'problems';
      const title = document.createElement('h2');
      title.textContent = inventory.problems.length + (inventory.problems.length === 1 ? ' file' : ' files') + ' left out by the catalogue';
      box.appendChild(title);
      const list = document.createElement('ul');
      for (const problem of inventory.problems) {
        const item = document.createElement('li');
        item.textContent = problem;
        list.appendChild(item);
      }
      box.appendChild(list);
      document.getElementById('problems').replaceChildren(box);
    }
    if (inventory.entries.length === 0) {
      document.getElementById('status').textContent = 'The lake is empty. Try: ./marketlake demo';
    } else {
      render();
    }
    lakeState.ready = true;
  } catch (e) {
    document.getElementById('status').textContent = e.message;
    document.getElementById('status').classList.add('error');
    lakeState.error = e.message;
  }
}

document.getElementById('filter').addEventListener('input', render);
start();
