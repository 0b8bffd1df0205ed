// OrleansPlans dashboard: plain browser JavaScript, no build step and no third-party code (the page must work offline).
// Every value from the server is inserted with textContent or setAttribute, never as HTML.
(function () {
  'use strict';

  const KEY_STORAGE = 'orleansplans.apiKey';
  const HEALTH_REFRESH_MS = 5000;
  const LISTS_REFRESH_MS = 30000;
  const PLANS_PAGE_SIZE = 25;
  const SVG = 'http://www.w3.org/2000/svg';

  const state = { page: 1, total: 0, search: '', status: '', plan: null, needKey: false };

  class AuthNeeded extends Error {}

  const $ = (id) => document.getElementById(id);

  // ---- HTTP --------------------------------------------------------------------------------------------------------

  async function api(path) {
    const headers = { Accept: 'application/json' };
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (key) {
      headers['X-Api-Key'] = key;
    }
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (response.status === 401) {
      askForKey(key ? 'The key was refused. Check it and try again.' : '');
      throw new AuthNeeded('an API key is needed');
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const reason = body && (body.detail || body.title) ? (body.detail || body.title) : response.statusText;
      const error = new Error(`${response.status}: ${reason}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function askForKey(message) {
    state.needKey = true;
    $('key-form').hidden = false;
    $('content').hidden = true;
    $('key-error').textContent = message;
    $('updated').textContent = 'Waiting for an API key';
    $('key-input').focus();
  }

  // ---- formatting --------------------------------------------------------------------------------------------------

  const integer = new Intl.NumberFormat('en-US');
  const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const hours = (seconds) => oneDecimal.format(seconds / 3600);
  const utc = (instant) => new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '');

  function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    return node;
  }

  function row(cells, attributes) {
    const tr = el('tr', null, attributes);
    for (const cell of cells) {
      tr.append(cell instanceof Node ? wrap(cell) : el('td', cell));
    }
    return tr;
  }

  function wrap(node) {
    const td = el('td');
    td.append(node);
    return td;
  }

  function emptyRow(columns, text) {
    const td = el('td', text, { colspan: String(columns), class: 'muted' });
    const tr = el('tr');
    tr.append(td);
    return tr;
  }

  function planLink(planId) {
    const link = el('a', planId, { href: `#plan=${encodeURIComponent(planId)}`, 'data-plan-id': planId });
    return link;
  }

  function setBadge(node, ok, text) {
    node.textContent = text;
    node.className = ok === true ? 'ok' : ok === false ? 'bad' : '';
  }

  // ---- pipeline health ---------------------------------------------------------------------------------------------

  async function refreshHealth() {
    try {
      const status = await api('/api/v1/status');
      renderHealth(status);
      $('health-error').textContent = '';
    } catch (error) {
      if (!(error instanceof AuthNeeded)) {
        $('health-error').textContent = `Pipeline status unavailable (${error.message}).`;
      }
    }
  }

  // status is the Operations project's PipelineStatus (GET /api/v1/status); a part that could not be read is empty or null.
  function renderHealth(status) {
    setBadge($('health-kafka'), status.kafka.reachable, reachability(status.kafka));
    setBadge($('health-postgres'), status.postgres.reachable, reachability(status.postgres));
    const silos = status.silos || [];
    const active = silos.filter((s) => s.status === 'Active').length;
    setBadge($('health-silos'), active > 0, `${active} active${silos.length > active ? ` of ${silos.length}` : ''}`);
    setBadge($('health-input-lag'), null, lagText(status.kafka.reachable, status.totalInputLag, status.inputLag));
    setBadge($('health-sink-lag'), null, lagText(status.kafka.reachable && status.postgres.reachable, status.totalSinkLag, status.sinkLag));
    const dead = status.deadLetters ? status.deadLetters.count : null;
    setBadge($('health-dead-letters'), dead === null ? null : dead === 0, dead === null ? 'unknown' : integer.format(dead));
    // A partition held behind a record its silo can neither process nor dead-letter: the lag alone would not say why.
    const stuck = status.stuckPartitions || [];
    setBadge($('health-stuck'), stuck.length === 0, stuck.length === 0 ? 'none'
      : stuck.map((p) => `${p.topic}[${p.partition}] at offset ${integer.format(p.offset)}: ${p.lastError}`).join('; '));
    const warnings = $('health-warnings');
    warnings.replaceChildren(...(status.warnings || []).map((w) => el('li', w)));
    warnings.hidden = warnings.children.length === 0;
    $('health-read-at').textContent = `Read at ${utc(status.readAt)} UTC`;
  }

  function reachability(part) {
    return part.reachable ? 'reachable' : `unreachable${part.error ? `: ${part.error}` : ''}`;
  }

  function lagText(known, total, partitions) {
    if (!known || total === null) {
      return 'unknown';
    }
    return `${integer.format(total)} in ${partitions.length} partition${partitions.length === 1 ? '' : 's'}`;
  }

  // ---- plans list --------------------------------------------------------------------------------------------------

  async function refreshPlans() {
    const query = new URLSearchParams({ page: String(state.page), pageSize: String(PLANS_PAGE_SIZE) });
    if (state.search) {
      query.set('search', state.search);
    }
    if (state.status) {
      query.set('status', state.status);
    }
    const tbody = $('plans-table').tBodies[0];
    try {
      const result = await api(`/api/v1/analytics/plans?${query}`);
      state.total = result.total;
      tbody.replaceChildren(...(result.items.length === 0
        ? [emptyRow(5, state.search || state.status ? 'No plan matches.' : 'No plans yet.')]
        : result.items.map((plan) => row([
          planLink(plan.planId),
          el('span', plan.status, { class: `status ${plan.status}` }),
          integer.format(plan.memberCount),
          hours(plan.secondsLast30Days),
          integer.format(plan.eventsLast30Days),
        ], { 'data-testid': 'plan-row', 'data-plan-id': plan.planId, class: plan.planId === state.plan ? 'selected' : '' }))));
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      $('plans-page').textContent = `Page ${result.page} of ${pages} (${integer.format(result.total)} plans)`;
      $('plans-prev').disabled = result.page <= 1;
      $('plans-next').disabled = result.page >= pages;
    } catch (error) {
      if (!(error instanceof AuthNeeded)) {
        tbody.replaceChildren(emptyRow(5, `Could not load plans (${error.message}).`));
      }
    }
  }

  // ---- plan detail -------------------------------------------------------------------------------------------------

  async function showPlan(planId) {
    state.plan = planId;
    for (const tr of $('plans-table').tBodies[0].rows) {
      tr.classList.toggle('selected', tr.dataset.planId === planId);
    }
    const section = $('plan-detail');
    section.hidden = false;
    $('plan-title').textContent = `Plan ${planId}`;
    const path = `/api/v1/analytics/plans/${encodeURIComponent(planId)}`;
    try {
      let [daily, monthly, members] = await Promise.all([api(`${path}/daily`), api(`${path}/monthly`), api(`${path}/members?pageSize=100`)]);
      let caption = 'Daily usage, last 30 days (hours per UTC day)';
      if (daily.days.length === 0 && daily.latestDay && daily.latestDay < daily.from) {
        // Idle lately (or old data replayed): show the 30 days up to its latest usage rather than an empty chart.
        daily = await api(`${path}/daily?to=${nextDay(daily.latestDay)}`);
        caption = `Daily usage, the 30 days up to ${daily.latestDay}, its latest usage; none in the last 30 days (hours per UTC day)`;
      }
      if (state.plan !== planId) {
        return; // another plan was chosen meanwhile
      }
      $('chart-caption').textContent = caption;
      renderStatus(daily);
      renderChart(daily);
      renderMonthly(monthly);
      renderMembers(members);
    } catch (error) {
      if (!(error instanceof AuthNeeded)) {
        $('plan-status').textContent = error.status === 404 ? `No plan '${planId}' in the analytics tables.` : `Could not load the plan (${error.message}).`;
        $('usage-chart').replaceChildren();
        $('usage-total').textContent = '';
        $('monthly-table').tBodies[0].replaceChildren();
        $('members-table').tBodies[0].replaceChildren();
      }
    }
  }

  function renderStatus(daily) {
    const line = $('plan-status');
    line.replaceChildren();
    line.append('Status: ', el('strong', daily.status, { 'data-testid': 'plan-status-value' }));
    if (daily.resolvedFromMerge) {
      line.append(' — merged into ', planLink(daily.resolvedPlanId), '; usage and members below are the survivor\'s.');
    }
  }

  function renderChart(daily) {
    const byDay = new Map(daily.days.map((d) => [d.day, d]));
    const days = [];
    for (let day = new Date(`${daily.from}T00:00:00Z`); day < new Date(`${daily.to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
      const key = day.toISOString().slice(0, 10);
      days.push(byDay.get(key) || { day: key, seconds: 0, events: 0, activeUsers: 0 });
    }

    const width = 720;
    const height = 220;
    const left = 48;
    const bottom = 28;
    const top = 12;
    const plotHeight = height - top - bottom;
    const max = Math.max(3600, ...days.map((d) => d.seconds));
    const slot = (width - left - 8) / Math.max(1, days.length);
    const totalSeconds = days.reduce((sum, d) => sum + d.seconds, 0);
    const totalEvents = days.reduce((sum, d) => sum + d.events, 0);

    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', 'chart-caption usage-total');
    svg.setAttribute('data-testid', 'usage-chart-svg');
    svg.classList.add('bars');

    for (const fraction of [0, 0.5, 1]) {
      const y = top + plotHeight * (1 - fraction);
      svg.append(svgNode('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'grid' }));
      svg.append(svgNode('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, hours(max * fraction)));
    }

    days.forEach((d, i) => {
      const barHeight = d.seconds === 0 ? 0 : Math.max(1, (d.seconds / max) * plotHeight);
      const bar = svgNode('rect', {
        x: (left + i * slot + slot * 0.15).toFixed(2),
        y: (top + plotHeight - barHeight).toFixed(2),
        width: (slot * 0.7).toFixed(2),
        height: barHeight.toFixed(2),
        class: 'bar',
        'data-testid': 'usage-bar',
        'data-day': d.day,
        'data-seconds': String(d.seconds),
        'data-events': String(d.events),
      });
      bar.append(svgNode('title', {}, `${d.day}: ${hours(d.seconds)} h (${integer.format(d.seconds)} s), ${integer.format(d.events)} events, ${integer.format(d.activeUsers)} active users`));
      svg.append(bar);
    });

    if (days.length > 0) {
      svg.append(svgNode('text', { x: left, y: height - 8, class: 'axis' }, days[0].day));
      svg.append(svgNode('text', { x: width - 4, y: height - 8, class: 'axis', 'text-anchor': 'end' }, days[days.length - 1].day));
    }

    $('usage-chart').replaceChildren(svg);
    $('usage-total').textContent = `${hours(totalSeconds)} hours in ${integer.format(totalEvents)} events from ${daily.from} to ${days.length ? days[days.length - 1].day : daily.to}.`;
  }

  function nextDay(day) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  }

  function svgNode(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, String(value));
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function renderMonthly(monthly) {
    $('monthly-caption').textContent = `Monthly active users of ${monthly.resolvedPlanId}, ${monthly.from.slice(0, 7)} to ${monthly.to.slice(0, 7)} (exclusive), ` +
      `share of its ${integer.format(monthly.memberCount)} members now`;
    $('monthly-table').tBodies[0].replaceChildren(...(monthly.months.length === 0
      ? [emptyRow(4, 'No usage in these months.')]
      : monthly.months.map((m) => row([m.month.slice(0, 7), integer.format(m.activeUsers),
        m.activeShare === null ? '—' : `${oneDecimal.format(m.activeShare * 100)}%`, hours(m.seconds)],
      { 'data-testid': 'monthly-row', 'data-month': m.month.slice(0, 7) }))));
  }

  function renderMembers(page) {
    const shown = page.members.length;
    $('members-caption').textContent = `Members of ${page.resolvedPlanId}: ${integer.format(page.total)}${page.total > shown ? ` (first ${shown} shown)` : ''}`;
    $('members-table').tBodies[0].replaceChildren(...(shown === 0
      ? [emptyRow(2, 'No open memberships.')]
      : page.members.map((m) => row([m.userId, utc(m.memberSince)], { 'data-testid': 'member-row', 'data-user-id': m.userId }))));
  }

  // ---- merge history and dead letters ------------------------------------------------------------------------------

  async function refreshMerges() {
    const tbody = $('merges-table').tBodies[0];
    try {
      const result = await api('/api/v1/analytics/merges?pageSize=100');
      $('merges-caption').textContent = `Merged plans and the plan each resolves to now (${integer.format(result.total)})`;
      tbody.replaceChildren(...(result.items.length === 0
        ? [emptyRow(2, 'No merges yet.')]
        : result.items.map((m) => row([planLink(m.mergedPlanId), planLink(m.survivorPlanId)],
          { 'data-testid': 'merge-row', 'data-merged-plan-id': m.mergedPlanId, 'data-survivor-plan-id': m.survivorPlanId }))));
    } catch (error) {
      if (!(error instanceof AuthNeeded)) {
        tbody.replaceChildren(emptyRow(2, `Could not load merges (${error.message}).`));
      }
    }
  }

  async function refreshDeadLetters() {
    const tbody = $('dead-letters-table').tBodies[0];
    try {
      const result = await api('/api/v1/analytics/dead-letters?pageSize=20');
      $('dead-letters-caption').textContent = `Refused input records, newest first (${integer.format(result.total)} in all${result.total > result.items.length ? `, ${result.items.length} shown` : ''})`;
      tbody.replaceChildren(...(result.items.length === 0
        ? [emptyRow(3, 'No dead letters.')]
        : result.items.map((d) => row([utc(d.receivedAt), `${d.sourceTopic} / ${d.sourcePartition} @ ${d.sourceOffset}`, d.reason], { 'data-testid': 'dead-letter-row' }))));
    } catch (error) {
      if (!(error instanceof AuthNeeded)) {
        tbody.replaceChildren(emptyRow(3, `Could not load dead letters (${error.message}).`));
      }
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------

  function planFromHash() {
    const match = /^#plan=(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async function refreshAll() {
    await Promise.all([refreshHealth(), refreshPlans(), refreshMerges(), refreshDeadLetters()]);
    const plan = planFromHash();
    if (plan) {
      await showPlan(plan);
    }
    if (!state.needKey) {
      $('updated').textContent = `Updated ${utc(new Date().toISOString())} UTC`;
    }
  }

  function every(milliseconds, work) {
    const tick = async () => {
      if (!state.needKey && !document.hidden) {
        await work();
      }
      setTimeout(tick, milliseconds);
    };
    setTimeout(tick, milliseconds);
  }

  function start() {
    $('forget-key').hidden = !sessionStorage.getItem(KEY_STORAGE);
    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY_STORAGE, $('key-input').value.trim());
      $('key-input').value = '';
      state.needKey = false;
      $('key-form').hidden = true;
      $('content').hidden = false;
      $('forget-key').hidden = false;
      refreshAll();
    });
    $('forget-key').addEventListener('click', () => {
      sessionStorage.removeItem(KEY_STORAGE);
      location.reload();
    });

    let searchTimer = 0;
    $('plans-filter').addEventListener('submit', (event) => event.preventDefault());
    $('plan-search').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        state.search = $('plan-search').value.trim();
        state.page = 1;
        refreshPlans();
      }, 250);
    });
    $('plan-status-filter').addEventListener('change', () => {
      state.status = $('plan-status-filter').value;
      state.page = 1;
      refreshPlans();
    });
    $('plans-prev').addEventListener('click', () => { state.page = Math.max(1, state.page - 1); refreshPlans(); });
    $('plans-next').addEventListener('click', () => { state.page += 1; refreshPlans(); });
    window.addEventListener('hashchange', () => {
      const plan = planFromHash();
      if (plan) {
        showPlan(plan);
        $('plan-detail').scrollIntoView({ block: 'start' });
      }
    });

    refreshAll();
    every(HEALTH_REFRESH_MS, refreshHealth);
    every(LISTS_REFRESH_MS, () => Promise.all([refreshPlans(), refreshMerges(), refreshDeadLetters()]));
  }

  start();
})();
