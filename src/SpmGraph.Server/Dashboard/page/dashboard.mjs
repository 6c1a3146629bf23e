// The dashboard: runs the API contract's persisted documents on the public GraphQL endpoint (config.json names
// them) and shows every answer as a chart and as text. What it shows can be read back exactly (its test does):
// a block [data-operation][data-variables] holds the answer of one operation run with those variables; in it,
// table[data-path] rows (tbody tr) have td[data-field][data-value] cells, canvas[data-path] charts draw datasets
// that carry the field they draw, and [data-path][data-value] elements are single values. Paths are the answer's.
import { labels, languages } from './labels.mjs';

// Years before this hold no SPM data (the API accepts none); the trend shows every quarter from it.
const FIRST_YEAR = 2018;

const state = {
  config: null,
  language: 'id',
  periods: [],
  year: null,
  quarter: null,
  province: null,
  requests: new Map(),
  answers: new Map(),
  names: new Map(),
  loads: 0,
};

const charts = [];
const Chart = globalThis.Chart;

const t = (key) => labels[state.language][key] ?? key;
const at = (value, path) => path.split('.').reduce((v, part) => (v == null ? v : v[part]), value);
const locale = () => languages[state.language].locale;

function label(key, tag = 'span') {
  const element = document.createElement(tag);
  element.dataset.label = key;
  element.textContent = t(key);
  return element;
}

// How a value is shown; its data-value is always the answer's own value.
const formats = {
  number: (v) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(v),
  year: (v) => String(v),
  text: (v) => String(v),
  time: (v) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(v)),
  band: (v) => v.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' '),
};

function cell(node, column) {
  const td = document.createElement('td');
  const value = at(node, column.field);
  td.dataset.field = column.field;
  td.dataset.value = value == null ? '' : String(value);
  if (value == null) {
    td.textContent = '–';
  } else if (column.labelPrefix) {
    td.dataset.label = column.labelPrefix + value;
    td.textContent = t(column.labelPrefix + value);
  } else {
    td.textContent = formats[column.format ?? 'number'](value);
  }

  if ((column.format ?? 'number') === 'number') {
    td.className = 'number';
  }

  return td;
}

function table({ path, columns, onRow }) {
  return (data) => {
    const element = document.createElement('table');
    element.dataset.path = path;
    const head = element.createTHead().insertRow();
    for (const column of columns) {
      head.appendChild(label(column.label, 'th'));
    }

    const body = element.createTBody();
    for (const node of at(data, path) ?? []) {
      const row = body.insertRow();
      columns.forEach((column) => row.appendChild(cell(node, column)));
      if (onRow) {
        row.classList.add('choosable');
        row.addEventListener('click', () => onRow(node));
      }
    }

    const scroll = document.createElement('div');
    scroll.className = 'table';
    scroll.appendChild(element);
    return scroll;
  };
}

function value({ path, text }) {
  return (data) => {
    const element = document.createElement('p');
    element.className = 'value';
    const shown = at(data, path);
    const number = document.createElement('strong');
    number.dataset.path = path;
    number.dataset.value = shown == null ? '' : String(shown);
    number.textContent = shown == null ? '–' : typeof shown === 'number' ? formats.number(shown) : shown;
    element.append(label(text), ': ', number);
    return element;
  };
}

function chart({ path, type, category, series, horizontal = false }) {
  return (data) => {
    const wrapper = document.createElement('div');
    if (!Chart) {
      return wrapper;
    }

    const nodes = at(data, path) ?? [];
    wrapper.className = 'chart';
    wrapper.style.height = horizontal ? `${Math.max(160, nodes.length * 24 + 60)}px` : '260px';
    const canvas = document.createElement('canvas');
    canvas.dataset.path = path;
    wrapper.appendChild(canvas);
    charts.push(new Chart(canvas, {
      type,
      data: {
        labels: nodes.map(category),
        datasets: series.map((s) => ({ label: t(s.label), field: s.field, data: nodes.map((n) => at(n, s.field)) })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: series.length > 1 } },
        locale: locale(),
      },
    }));
    return wrapper;
  };
}

const period = (n) => `${n.key.year} ${t('quarterShort')}${n.key.quarter}`;
const provinceName = (code) => (state.names.has(code) ? `${code} ${state.names.get(code)}` : code);
const chooseProvince = (code) => { state.province = code; loadProvince(); };

// The page: sections of blocks, each block one operation with its variables, shown by its parts.
const sections = [
  {
    title: 'trendTitle',
    blocks: [{
      operation: 'Trend',
      variables: () => ({ from: FIRST_YEAR }),
      parts: [
        chart({ path: 'achievementStats.nodes', type: 'line', category: period, series: [{ field: 'achievementRate', label: 'achievementRate' }, { field: 'spmIndex', label: 'spmIndex' }] }),
        table({
          path: 'achievementStats.nodes',
          columns: [
            { field: 'key.year', label: 'year', format: 'year' }, { field: 'key.quarter', label: 'quarter', format: 'year' },
            { field: 'target', label: 'target' }, { field: 'served', label: 'served' },
            { field: 'achievementRate', label: 'achievementRate' }, { field: 'spmIndex', label: 'spmIndex' },
          ],
        }),
      ],
    }],
  },
  {
    title: 'rankingTitle',
    blocks: [{
      operation: 'Ranking',
      variables: () => ({ year: state.year, quarter: state.quarter }),
      parts: [
        value({ path: 'achievementStats.totalCount', text: 'provincesRanked' }),
        chart({ path: 'achievementStats.nodes', type: 'bar', horizontal: true, category: (n) => n.key.province.name, series: [{ field: 'spmIndex', label: 'spmIndex' }] }),
        table({
          path: 'achievementStats.nodes',
          onRow: (n) => chooseProvince(n.key.province.code),
          columns: [
            { field: 'key.province.code', label: 'code', format: 'text' }, { field: 'key.province.name', label: 'province', format: 'text' },
            { field: 'spmIndex', label: 'spmIndex' }, { field: 'achievementRate', label: 'achievementRate' },
            { field: 'band', label: 'band', format: 'band' }, { field: 'regionCount', label: 'regionCount' },
          ],
        }),
      ],
    }],
  },
  {
    title: 'drillTitle',
    id: 'drill',
    blocks: [
      {
        operation: 'RegionCard',
        variables: () => ({ code: state.province }),
        parts: [
          value({ path: 'region.name', text: 'province' }),
          value({ path: 'region.children.totalCount', text: 'regencyCities' }),
        ],
      },
      {
        operation: 'ProvinceRollup',
        variables: () => ({ province: state.province, year: state.year, quarter: state.quarter }),
        parts: [
          chart({ path: 'achievementStats.nodes', type: 'bar', category: (n) => t(`sector.${n.key.sector}`), series: [{ field: 'achievementRate', label: 'achievementRate' }, { field: 'spmIndex', label: 'spmIndex' }] }),
          table({
            path: 'achievementStats.nodes',
            columns: [
              { field: 'key.sector', label: 'sector', labelPrefix: 'sector.' }, { field: 'regionCount', label: 'regionCount' },
              { field: 'target', label: 'target' }, { field: 'served', label: 'served' },
              { field: 'achievementRate', label: 'achievementRate' }, { field: 'minRate', label: 'minRate' }, { field: 'maxRate', label: 'maxRate' },
              { field: 'spmIndex', label: 'spmIndex' }, { field: 'band', label: 'band', format: 'band' },
            ],
          }),
        ],
      },
      {
        operation: 'RegionCard',
        variables: () => ({ code: state.province }),
        parts: [
          table({
            path: 'region.children.nodes',
            columns: [{ field: 'code', label: 'code', format: 'text' }, { field: 'name', label: 'name', format: 'text' }, { field: 'kind', label: 'kind', labelPrefix: 'kind.' }],
          }),
        ],
      },
    ],
  },
  {
    title: 'timelinessTitle',
    blocks: [{
      operation: 'Timeliness',
      variables: () => ({ year: state.year, quarter: state.quarter }),
      parts: [
        chart({ path: 'reportingStats.nodes', type: 'bar', category: (n) => n.key.province.code, series: [{ field: 'onTimeRate', label: 'onTimeRate' }] }),
        table({
          path: 'reportingStats.nodes',
          onRow: (n) => chooseProvince(n.key.province.code),
          columns: [
            { field: 'key.province.code', label: 'province', format: 'text' }, { field: 'regionCount', label: 'regionCount' },
            { field: 'reportedCount', label: 'reportedCount' }, { field: 'onTimeCount', label: 'onTimeCount' }, { field: 'onTimeRate', label: 'onTimeRate' },
          ],
        }),
        table({
          path: 'reportingPeriods.nodes',
          columns: [
            { field: 'year', label: 'year', format: 'year' }, { field: 'quarter', label: 'quarter', format: 'year' },
            { field: 'opensAt', label: 'opensAt', format: 'time' }, { field: 'closesAt', label: 'closesAt', format: 'time' },
          ],
        }),
      ],
    }],
  },
  {
    title: 'budgetTitle',
    wide: true,
    blocks: [{
      operation: 'Budget',
      variables: () => ({ year: state.year }),
      parts: [
        value({ path: 'plans.totalCount', text: 'unbudgetedPlans' }),
        table({
          path: 'plans.nodes',
          columns: [
            { field: 'region.code', label: 'region', format: 'text' }, { field: 'indicator.code', label: 'indicator', format: 'text' },
            { field: 'opd.name', label: 'opd', format: 'text' }, { field: 'target', label: 'target' },
            { field: 'budgetNeeded', label: 'budgetNeeded' }, { field: 'budgetAllocated', label: 'budgetAllocated' }, { field: 'budgetGap', label: 'budgetGap' },
          ],
        }),
        () => label('budgetByProvince', 'h3'),
        chart({ path: 'planStats.nodes', type: 'bar', category: (n) => n.key.province.code, series: [{ field: 'budgetGap', label: 'budgetGap' }] }),
        table({
          path: 'planStats.nodes',
          columns: [
            { field: 'key.province.code', label: 'province', format: 'text' }, { field: 'count', label: 'plans' },
            { field: 'unbudgetedCount', label: 'unbudgetedCount' }, { field: 'budgetGap', label: 'budgetGap' },
          ],
        }),
      ],
    }],
  },
];

const blocks = sections.flatMap((s) => s.blocks);
const provinceOperations = new Set(['RegionCard', 'ProvinceRollup']);
const answerKey = (operation, variables) => `${operation} ${JSON.stringify(variables)}`;

// One request per operation and variables: blocks that show the same answer share it.
function run(operation, variables) {
  const key = answerKey(operation, variables);
  if (!state.requests.has(key)) {
    state.requests.set(key, request(operation, variables).then((data) => {
      state.answers.set(key, data);
      return data;
    }, (error) => {
      state.requests.delete(key);
      throw error;
    }));
  }

  return state.requests.get(key);
}

async function request(operation, variables) {
  const id = state.config.documents[operation];
  if (!id) {
    throw new Error(`The server has no persisted document named ${operation}.`);
  }

  const url = new URL(state.config.endpoint, location.href);
  url.searchParams.set('documentId', id);
  url.searchParams.set('variables', JSON.stringify(variables));
  const response = await fetch(url, { headers: { Accept: 'application/graphql-response+json' } });
  const body = await response.json();
  if (body.errors?.length) {
    throw new Error(`${operation}: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  }

  return body.data;
}

// Runs the blocks' operations (those of the province only, or all) and shows the page when the newest load is done.
async function load(provinceOnly = false) {
  const number = ++state.loads;
  document.body.dataset.state = 'loading';
  renderSoon();
  try {
    // Each answer is shown as it comes, so the first numbers do not wait for the slowest operation.
    const show = (data) => {
      if (number === state.loads) {
        renderSoon();
      }

      return data;
    };
    const runBlock = (b) => run(b.operation, b.variables()).then(show);
    const running = blocks.filter((b) => !provinceOnly && !provinceOperations.has(b.operation)).map(runBlock);
    const ranking = provinceOnly ? null : await run('Ranking', { year: state.year, quarter: state.quarter });
    ranking?.achievementStats.nodes.forEach((n) => state.names.set(n.key.province.code, n.key.province.name));
    // The province shown: the one chosen, else the top of the ranking.
    state.province ??= ranking?.achievementStats.nodes[0]?.key.province.code ?? null;
    if (state.province) {
      running.push(...blocks.filter((b) => provinceOperations.has(b.operation)).map(runBlock));
    }

    await Promise.all(running);
    const card = state.answers.get(answerKey('RegionCard', { code: state.province }));
    if (card?.region) {
      state.names.set(card.region.code, card.region.name);
    }

    if (number === state.loads) {
      render();
      document.body.dataset.state = 'ready';
    }
  } catch (error) {
    if (number === state.loads) {
      fail(error);
    }
  }
}

const loadProvince = () => load(true);

function fail(error) {
  document.body.dataset.state = 'error';
  const status = document.getElementById('status');
  status.replaceChildren(label('failed'), `: ${error.message}`);
  console.error(error);
}

let frame = null;

// One render per frame however many answers arrive in it.
function renderSoon() {
  frame ??= requestAnimationFrame(render);
}

function render() {
  cancelAnimationFrame(frame);
  frame = null;
  charts.splice(0).forEach((c) => c.destroy());
  document.documentElement.lang = state.language;
  Object.assign(document.body.dataset, { language: state.language, year: state.year, quarter: state.quarter, province: state.province ?? '' });
  for (const element of document.querySelectorAll('header [data-label]')) {
    element.textContent = t(element.dataset.label);
  }

  document.title = t('title');
  document.getElementById('status').replaceChildren(...(Chart ? [] : [label('noCharts')]));
  renderControls();

  const main = document.querySelector('main');
  main.replaceChildren(...sections.map((section) => {
    const element = document.createElement('section');
    if (section.id) {
      element.id = section.id;
    }

    element.classList.toggle('wide', Boolean(section.wide));

    element.appendChild(label(section.title, 'h2'));
    for (const block of section.blocks) {
      const variables = block.variables();
      const data = state.answers.get(answerKey(block.operation, variables));
      const div = document.createElement('div');
      div.dataset.operation = block.operation;
      div.dataset.variables = JSON.stringify(variables);
      div.append(...(data ? block.parts.map((part) => part(data)) : [label('loading')]));
      element.appendChild(div);
    }

    return element;
  }));
}

function options(select, values, selected, text = String) {
  select.replaceChildren(...values.map((v) => new Option(text(v), String(v), false, v === selected)));
}

function renderControls() {
  const years = [...new Set(state.periods.map((p) => p.year))];
  options(document.querySelector('select[name=year]'), years, state.year);
  options(document.querySelector('select[name=quarter]'), state.periods.filter((p) => p.year === state.year).map((p) => p.quarter), state.quarter);
  const timeliness = state.answers.get(answerKey('Timeliness', { year: state.year, quarter: state.quarter }));
  const provinces = (timeliness?.reportingStats.nodes ?? []).map((n) => n.key.province.code).sort();
  options(document.querySelector('select[name=province]'), provinces, state.province, provinceName);
  for (const button of document.querySelectorAll('button[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === state.language));
    button.title = languages[button.dataset.language].name;
  }
}

function choosePeriod(year, quarter) {
  const quarters = state.periods.filter((p) => p.year === year).map((p) => p.quarter);
  state.year = year;
  state.quarter = quarters.includes(quarter) ? quarter : quarters.at(-1);
  load();
}

async function start() {
  document.querySelector('select[name=year]').addEventListener('change', (e) => choosePeriod(Number(e.target.value), state.quarter));
  document.querySelector('select[name=quarter]').addEventListener('change', (e) => choosePeriod(state.year, Number(e.target.value)));
  document.querySelector('select[name=province]').addEventListener('change', (e) => chooseProvince(e.target.value));
  for (const button of document.querySelectorAll('button[data-language]')) {
    button.addEventListener('click', () => { state.language = button.dataset.language; render(); });
  }

  try {
    const response = await fetch('config.json');
    state.config = await response.json();
    // The picker offers the quarters that have data; the latest is shown first.
    const trend = await run('Trend', { from: FIRST_YEAR });
    state.periods = trend.achievementStats.nodes.map((n) => n.key);
    const latest = state.periods.at(-1);
    if (!latest) {
      throw new Error('The API has no achievement data.');
    }

    state.year = latest.year;
    state.quarter = latest.quarter;
  } catch (error) {
    fail(error);
    return;
  }

  await load();
}

start();
