// Shared by every page: the API call, the header, small formatting helpers.
'use strict';

const MarketLake = {
  /** GET (or POST with a body) an API path; a non-2xx answer throws an Error with the server's one-line message. */
  async api(path, params, body) {
    const query = params ? '?' + new URLSearchParams(params).toString() : '';
    const response = await fetch('/api/' + path + query, body === undefined ? {} : { method: 'POST', body: body, headers: { 'Content-Type': 'text/plain' } });
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch (e) { json = { error: text }; }
    if (!response.ok) {
      const error = new Error(json.error || response.statusText);
      error.status = response.status;
      throw error;
    }
    return json;
  },

  /** The page's header: its title, links to the other pages, and the lake's root. */
  header(here) {
    const pages = [['index.html', 'Lake'], ['chart.html', 'Chart'], ['coverage.html', 'Coverage'], ['sql.html', 'SQL']];
    const header = document.createElement('header');
    const title = document.createElement('h1');
    title.textContent = 'MarketLake';
    header.appendChild(title);
    const nav = document.createElement('nav');
    for (const [href, label] of pages) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = label;
      if (href === here) link.className = 'here';
      nav.appendChild(link);
    }
    header.appendChild(nav);
    const root = document.createElement('span');
    root.className = 'root';
    root.id = 'root';
    header.appendChild(root);
    document.body.prepend(header);
  },

  cell(row, text, number) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (number) td.className = 'number';
    row.appendChild(td);
    return td;
  },

  /** A table of `columns` over `rows` (arrays of cells) into `target`, replacing what was there. */
  table(target, columns, rows, numeric) {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const name of columns) {
      const th = document.createElement('th');
      th.textContent = name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const cells of rows) {
      const row = body.insertRow();
      cells.forEach((value, i) => MarketLake.cell(row, value, numeric && numeric[i]));
    }
    target.replaceChildren(table);
    return table;
  },

  bytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KiB';
    return (n / 1024 / 1024).toFixed(1) + ' MiB';
  },

  params() {
    return new URLSearchParams(location.search);
  },
};
