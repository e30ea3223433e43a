// The chart page: candlesticks and volume (TradingView Lightweight Charts), VWAP, quotes, forecast overlay.
// Bars come from /api/bars for the range shown, at most MAX_POINTS of them: zoomed out, the server answers
// from a coarser stored roll-up; zooming in far enough asks again for the finer bars of the visible range.
'use strict';

MarketLake.header('chart.html');
const LWC = LightweightCharts;
const MAX_POINTS = 2000;
const state = {
  symbol: null, timeframe: '1m', start: '', end: '', tz: 'UTC', marketHours: false,
  served: null, bars: 0, quotes: 0, loadedFrom: null, loadedTo: null, fetches: 0, tickLabels: [],
  forecastPoints: 0, ready: false, error: null, inventory: null,
};
window.marketlake = state;

const el = id => document.getElementById(id);
const zone = () => state.tz === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : state.tz;

function parts(time) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone(), year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(format.formatToParts(new Date(time * 1000)).map(p => [p.type, p.value]));
}

/** Axis labels in the chosen zone: the time of day, or the date at the zone's midnight. */
function tickLabel(time, type) {
  const p = parts(time);
  let label;
  if (type === 0) label = p.year;
  else if (type === 1) label = p.month + ' ' + p.year;
  else {
    const hm = p.hour + ':' + p.minute;
    label = type === 4 ? hm + ':' + p.second : (hm === '00:00' ? p.day + ' ' + p.month : hm);
  }
  state.tickLabels.push(label);
  if (state.tickLabels.length > 200) state.tickLabels.shift();
  return label;
}

function crosshairLabel(time) {
  const p = parts(time);
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second + ' ' + (state.tz === 'local' ? zone() : state.tz);
}

const chart = LWC.createChart(el('chart'), {
  autoSize: true,
  layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1d2330' },
  grid: { vertLines: { color: '#eef0f3' }, horzLines: { color: '#eef0f3' } },
  timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t, type) => tickLabel(t, type) },
  localization: { timeFormatter: crosshairLabel },
});
const candles = chart.addSeries(LWC.CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false,
  wickUpColor: '#26a69a', wickDownColor: '#ef5350' });
const vwap = chart.addSeries(LWC.LineSeries, { color: '#ff9800', lineWidth: 2, priceLineVisible: false, lastValueVisible: false, title: 'VWAP' });
const quotePrices = { type: 'price', precision: 5, minMove: 0.00001 };
const bid = chart.addSeries(LWC.LineSeries, { color: '#1e88e5', lineWidth: 1, priceLineVisible: false, title: 'bid', priceFormat: quotePrices });
const ask = chart.addSeries(LWC.LineSeries, { color: '#8e24aa', lineWidth: 1, priceLineVisible: false, title: 'ask', priceFormat: quotePrices });
const band90 = chart.addSeries(LWC.AreaSeries, { lineColor: 'rgba(41,98,255,0.5)', topColor: 'rgba(41,98,255,0.18)',
  bottomColor: 'rgba(41,98,255,0.18)', lineWidth: 1, priceLineVisible: false, lastValueVisible: false, title: 'q90' });
// The lower edge of the band: an area in the background colour over the part of q90's fill below q10.
const band10 = chart.addSeries(LWC.AreaSeries, { lineColor: 'rgba(41,98,255,0.5)', topColor: '#ffffff', bottomColor: '#ffffff',
  lineWidth: 1, priceLineVisible: false, lastValueVisible: false, title: 'q10' });
const median = chart.addSeries(LWC.LineSeries, { color: '#2962ff', lineWidth: 2, lineStyle: 2, priceLineVisible: false, title: 'median' });
const volume = chart.addSeries(LWC.HistogramSeries, { color: '#90a4ae', priceFormat: { type: 'volume' }, priceLineVisible: false }, 1);
const spread = chart.addSeries(LWC.HistogramSeries, { color: '#ab47bc', priceLineVisible: false, title: 'spread',
  priceFormat: { type: 'price', precision: 6, minMove: 0.000001 } }, 1);
chart.panes()[1].setStretchFactor(0.25);
const pending = { zoom: null };

/** For tests and the curious: how many loaded bars the visible range holds, and how many pixels the candles drew. */
state.visibleBars = () => {
  const range = chart.timeScale().getVisibleLogicalRange();
  const info = range ? candles.barsInLogicalRange(range) : null;
  if (!info || info.barsBefore === undefined) return 0;
  return Math.max(0, state.bars - Math.max(0, info.barsBefore) - Math.max(0, info.barsAfter));
};
state.candlePixels = () => {
  const canvas = chart.takeScreenshot();
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if ((r === 0x26 && g === 0xa6 && b === 0x9a) || (r === 0xef && g === 0x53 && b === 0x50)) count++;
  }
  return count;
};
state.seriesSizes = () => ({ candles: candles.data().length, median: median.data().length, band: band90.data().length, bid: bid.data().length });
state.showTime = (from, to) => chart.timeScale().setVisibleRange({ from: from, to: to });

function setStatus(text, bad) {
  el('status').textContent = text;
  el('status').classList.toggle('error', Boolean(bad));
}

function query(extra) {
  const q = { symbol: state.symbol, max_points: MAX_POINTS, tz: zone() };
  if (state.start) q.start = state.start;
  if (state.end) q.end = state.end;
  if (state.marketHours) q.market_hours = 'true';
  return Object.assign(q, extra || {});
}

/** The session VWAP (cumulative over each date in the chosen zone) from each bar's VWAP and volume. */
function sessionVwap(bars) {
  const points = [];
  let day = null, value = 0, shares = 0;
  for (let i = 0; i < bars.time.length; i++) {
    const p = parts(bars.time[i]);
    const date = p.year + p.month + p.day;
    if (date !== day) { day = date; value = 0; shares = 0; }
    const price = bars.vwap[i], size = bars.volume[i];
    if (price !== null && size !== null && size > 0) { value += price * size; shares += size; }
    if (shares > 0) points.push({ time: bars.time[i], value: value / shares });
  }
  return points;
}

function quotesInto(quotes) {
  bid.setData(quotes.time.map((t, i) => ({ time: t, value: quotes.bid[i] })));
  ask.setData(quotes.time.map((t, i) => ({ time: t, value: quotes.ask[i] })));
  state.quotes = quotes.rows;
}

function hasQuotes() {
  return state.inventory && state.inventory.entries.some(e => e.kind === 'quotes' && e.symbol === state.symbol);
}

/** Loads the range asked for (or `extra`'s narrower one when zooming in) and draws it. */
async function load(extra, keepVisible) {
  state.ready = false;
  const visible = keepVisible ? chart.timeScale().getVisibleRange() : null;
  try {
    state.fetches++;
    if (state.timeframe === 'quotes') {
      const quotes = await MarketLake.api('quotes', query(extra));
      [candles, volume, vwap].forEach(s => s.setData([]));
      quotesInto(quotes);
      spread.setData(quotes.time.map((t, i) => ({ time: t, value: quotes.spread[i] })));
      state.served = 'quotes';
      state.bars = 0;
      state.loadedFrom = quotes.time[0];
      state.loadedTo = quotes.time[quotes.time.length - 1];
      setStatus(state.symbol + ' quotes: ' + quotes.rows.toLocaleString('en-US') + ' shown of ' + quotes.in_range.toLocaleString('en-US')
        + ' in the range' + (quotes.every > 1 ? ' (every ' + quotes.every + 'th)' : ''));
    } else {
      const bars = await MarketLake.api('bars', query(Object.assign({ timeframe: state.timeframe }, extra || {})));
      candles.setData(bars.time.map((t, i) => ({ time: t, open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i] })));
      volume.setData(bars.time.map((t, i) => ({ time: t, value: bars.volume[i], color: bars.close[i] >= bars.open[i] ? '#80cbc4' : '#ef9a9a' })));
      vwap.setData(bars.vwap && bars.timeframe !== '1d' ? sessionVwap(bars) : []);
      spread.setData([]);
      state.served = bars.timeframe;
      state.bars = bars.rows;
      state.loadedFrom = bars.time[0];
      state.loadedTo = bars.time[bars.time.length - 1];
      let text = bars.symbol + ' ' + bars.timeframe + ': ' + bars.rows.toLocaleString('en-US') + ' bars';
      if (bars.timeframe !== bars.requested) text += ' (the ' + bars.timeframe + ' roll-up: more than ' + MAX_POINTS + ' ' + bars.requested + ' bars in the range; zoom in for them)';
      if (bars.skipped.length) text += '; skipped: ' + bars.skipped.join('; ');
      setStatus(text);
      if (hasQuotes()) {
        quotesInto(await MarketLake.api('quotes', query(extra)));
      } else {
        bid.setData([]); ask.setData([]); state.quotes = 0;
      }
    }
    if (visible) chart.timeScale().setVisibleRange(visible); else chart.timeScale().fitContent();
    state.error = null;
  } catch (e) {
    state.error = e.message;
    setStatus(e.message, true);
  }
  state.ready = true;
}

/** Zoomed into a part of a coarser roll-up: ask for the finer bars of what is visible. */
function onVisibleRange(range) {
  clearTimeout(pending.zoom);
  if (!range || !state.ready || state.served === state.timeframe || state.served === 'quotes') return;
  pending.zoom = setTimeout(() => {
    const loaded = state.loadedTo - state.loadedFrom;
    if (range.to - range.from > loaded / 3) return;
    const pad = (range.to - range.from) * 0.1;
    load({ start: new Date((range.from - pad) * 1000).toISOString(), end: new Date((range.to + pad) * 1000).toISOString() }, true);
  }, 350);
}

async function forecast() {
  if (state.timeframe === 'quotes') { setStatus('forecasts are of bars: choose a timeframe', true); return; }
  try {
    const f = await MarketLake.api('forecast', { symbol: state.symbol, timeframe: state.timeframe, model: el('model').value, horizon: el('horizon').value });
    median.setData(f.time.map((t, i) => ({ time: t, value: f.median[i] })));
    band90.setData(f.time.map((t, i) => ({ time: t, value: f.q90[i] })));
    band10.setData(f.time.map((t, i) => ({ time: t, value: f.q10[i] })));
    state.forecastPoints = f.time.length;
    state.forecastModel = f.method;
    el('legend').textContent = f.method + ': median and 10-90% band, ' + f.horizon + ' steps after ' + f.last_bar;
    chart.timeScale().fitContent();
  } catch (e) {
    setStatus(e.message, true);
  }
}

function clearForecast() {
  [median, band90, band10].forEach(s => s.setData([]));
  state.forecastPoints = 0;
  el('legend').textContent = '';
}

function fromControls() {
  state.symbol = el('symbol').value.trim().toUpperCase();
  state.timeframe = el('timeframe').value;
  state.start = el('start').value;
  state.end = el('end').value;
  state.marketHours = el('market-hours').checked;
  const q = new URLSearchParams({ symbol: state.symbol, timeframe: state.timeframe });
  if (state.start) q.set('start', state.start);
  if (state.end) q.set('end', state.end);
  if (state.tz !== 'UTC') q.set('tz', state.tz);
  if (state.marketHours) q.set('market_hours', 'true');
  history.replaceState(null, '', '?' + q.toString());
}

function setZone(value) {
  state.tz = value;
  state.tickLabels = [];
  // a new formatter makes the chart lay out and draw its axis again
  chart.applyOptions({ timeScale: { tickMarkFormatter: (t, type) => tickLabel(t, type) }, localization: { timeFormatter: crosshairLabel } });
  if (state.served && state.served !== 'quotes' && state.served !== '1d') {
    state.ready = false;
    load(null, true);
  }
}

async function start() {
  const params = MarketLake.params();
  try {
    state.inventory = await MarketLake.api('inventory');
    el('root').textContent = state.inventory.root;
    el('model').replaceChildren(...state.inventory.models.map(m => new Option(m, m)));
  } catch (e) {
    setStatus(e.message, true);
  }
  const first = state.inventory && state.inventory.entries.find(e => e.kind === 'bars');
  el('symbol').value = params.get('symbol') || (first ? first.symbol : '');
  el('timeframe').value = params.get('timeframe') || (first ? first.timeframe : '1m');
  el('start').value = params.get('start') || '';
  el('end').value = params.get('end') || '';
  el('market-hours').checked = params.get('market_hours') === 'true';
  state.tz = params.get('tz') || 'UTC';
  el('tz').value = state.tz;
  fromControls();
  // an instant in the address (2014-05-01T12:00:00Z) is kept, though the date boxes can only show dates
  if (params.get('start') && !el('start').value) state.start = params.get('start');
  if (params.get('end') && !el('end').value) state.end = params.get('end');
  chart.timeScale().subscribeVisibleTimeRangeChange(onVisibleRange);
  if (state.symbol) await load(); else state.ready = true;
}

el('controls').addEventListener('submit', event => { event.preventDefault(); fromControls(); clearForecast(); load(); });
el('whole').addEventListener('click', () => { el('start').value = ''; el('end').value = ''; fromControls(); load(); });
el('market-hours').addEventListener('change', () => { fromControls(); load(); });
el('tz').addEventListener('change', () => { setZone(el('tz').value); fromControls(); });
el('forecast-controls').addEventListener('submit', event => { event.preventDefault(); forecast(); });
el('clear-forecast').addEventListener('click', clearForecast);
start();
