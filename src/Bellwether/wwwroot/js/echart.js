// The one bridge between the dashboard's EChart component and Apache ECharts (loaded as the global `echarts`).
// .NET sends data only; the recipes that turn data into an ECharts option live here, and formatters are looked up by
// name ("fn:money"), since functions cannot travel in JSON. Charts are kept in a map by id and disposed by id: Blazor
// removes the element before the component's DisposeAsync runs, so the element cannot be used to find the chart then.

const charts = new Map(); // id -> { chart, observer, element }
const minus = "\u2212";

// Short figures as Readable.MoneyShort and Readable.Percent write them on the server ($13.4M, −$90k, 12.3%).
function scaled(size) {
  if (size >= 100) return Math.round(size).toFixed(0);
  if (size >= 10) return (Math.round(size * 10) / 10).toString();
  const text = (Math.round(size * 100) / 100).toFixed(2);
  return text.endsWith("0") ? text.slice(0, -1) : text;
}

function shortNumber(value) {
  const size = Math.abs(value);
  let text;
  if (size >= 1e9) text = scaled(size / 1e9) + "B";
  else if (size >= 1e6) text = scaled(size / 1e6) + "M";
  else if (size >= 1e3) text = scaled(size / 1e3) + "k";
  else text = Math.round(size).toFixed(0);
  if (text === "1000k") text = "1.0M";
  if (text === "1000M") text = "1.0B";
  return text;
}

function sign(value) {
  return value < 0 ? minus : "";
}

const formatters = {
  money: (symbol) => (value) => value == null ? "" : sign(value) + symbol + shortNumber(value),
  moneyFull: (symbol) => (value) => value == null
    ? "" : sign(value) + symbol + Math.abs(Math.round(value)).toLocaleString("en-US"),
  count: () => (value) => value == null ? "" : sign(value) + shortNumber(value),
  percent: () => (value) => value == null ? "" : sign(value) + Math.abs(Math.round(value * 1000) / 10).toFixed(1) + "%",
  // Whole numbers of days (axis ticks) without a decimal, so that a value axis stays readable.
  days: () => (value) => value == null ? "" : sign(value) + (Number.isInteger(value) ? Math.abs(value) : Math.abs(value).toFixed(1)) + " days",
  // Signed changes, as Readable.Change writes them: +$90k, −1.2 pts, +3, +2.0 days.
  moneyChange: (symbol) => (value) => value == null ? "" : (value > 0 ? "+" : sign(value)) + symbol + shortNumber(value),
  points: () => (value) => {
    if (value == null) return "";
    const points = Math.round(value * 1000) / 10;
    return (points > 0 ? "+" : sign(points)) + Math.abs(points).toFixed(1) + (Math.abs(points) === 1 ? " pt" : " pts");
  },
  countChange: () => (value) => value == null ? "" : (value > 0 ? "+" : sign(value)) + shortNumber(value),
  daysChange: () => (value) => value == null ? "" : (value > 0 ? "+" : sign(value)) + Math.abs(value).toFixed(1) + " days",
};

function formatter(name, symbol, own = {}) {
  const key = name.startsWith("fn:") ? name.substring(3) : name;
  if (own[key]) return own[key];
  const make = formatters[key];
  if (!make) throw new Error(`no chart formatter named ${name}`);
  return make(symbol);
}

// Replaces every "fn:NAME" string in an option by the formatter of that name: the chart's own, or a shared one.
function resolveFormatters(node, symbol, own) {
  if (Array.isArray(node)) return node.map((item) => resolveFormatters(item, symbol, own));
  if (node && typeof node === "object") {
    const result = {};
    for (const [key, value] of Object.entries(node)) result[key] = resolveFormatters(value, symbol, own);
    return result;
  }
  return typeof node === "string" && node.startsWith("fn:") ? formatter(node, symbol, own) : node;
}

const palette = {
  band: "rgba(25, 118, 210, 0.18)",
  median: "#1565c0",
  plan: "#6d4c41",
  actual: "#2e7d32",
  muted: "#90a4ae",
  up: "#2e7d32",
  down: "#c62828",
  total: "#455a64",
  near: "#f9a825",
};

// Series without a role take these in turn: distinct in hue and lightness, and told apart by decals too.
const cycle = ["#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#9e9d24"];

// Worst to best, for heatmaps: light red, amber, green under dark labels (each cell carries its figure, so colour is never alone).
const scale = ["#e57373", "#ffd54f", "#81c784"];

const recipes = {
  // A forecast fan: P10–P90 band (stacked on an invisible P10 base), P50 line, plan line, actual to date.
  fan(data) {
    const width = data.p90.map((high, i) => (high == null || data.p10[i] == null ? null : high - data.p10[i]));
    const series = [
      { name: "P10", type: "line", data: data.p10, stack: "band", symbol: "none", lineStyle: { opacity: 0 },
        itemStyle: { color: palette.band }, tooltip: { show: false }, silent: true },
      { name: "P10–P90", type: "line", data: width, stack: "band", symbol: "none", lineStyle: { opacity: 0 },
        itemStyle: { color: palette.band }, areaStyle: { color: palette.band }, silent: true },
      { name: "Forecast (P50)", type: "line", data: data.p50, symbol: "circle", symbolSize: 7,
        lineStyle: { width: 3, color: palette.median }, itemStyle: { color: palette.median } },
    ];
    if (data.plan) {
      series.push({ name: "Plan", type: "line", data: data.plan, symbol: "rect", symbolSize: 7,
        lineStyle: { type: "dashed", width: 2, color: palette.plan }, itemStyle: { color: palette.plan } });
    }
    if (data.actual) {
      series.push({ name: "Actual to date", type: "bar", data: data.actual, barMaxWidth: 28,
        itemStyle: { color: palette.actual, opacity: 0.85 } });
    }
    const legend = series.map((s) => s.name).filter((n) => n !== "P10");
    return {
      animationDuration: 300,
      grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
      legend: { data: legend, top: 0, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis", formatter: "fn:fanTooltip" },
      xAxis: { type: "category", data: data.categories, axisLabel: { fontSize: 13 } },
      yAxis: { type: "value", axisLabel: { formatter: data.format, fontSize: 13 } },
      series,
    };
  },

  // Bars of named values (the parts a forecast is made of).
  bars(data) {
    return {
      animationDuration: 300,
      grid: { left: 16, right: 64, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: data.format },
      // Each bar carries its value: an axis of figures would only crowd the card.
      xAxis: { type: "value", axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: "category", data: data.categories, inverse: true, axisLabel: { fontSize: 13 } },
      series: [{ name: data.seriesName, type: "bar", data: data.values, itemStyle: { color: palette.median },
        label: { show: true, position: "right", formatter: "fn:barLabel" } }],
    };
  },
};

// Series over categories: bars or lines, stacked or not, across or upright, with reference lines and a second axis.
recipes.series = (data) => {
  let next = 0;
  const series = data.series.map((s) => {
    const color = s.role ? palette[s.role] : cycle[next++ % cycle.length];
    const item = {
      name: s.name, type: s.kind, data: s.values, yAxisIndex: !data.horizontal && s.secondAxis ? 1 : 0,
      xAxisIndex: data.horizontal && s.secondAxis ? 1 : 0, itemStyle: { color }, emphasis: { focus: "series" },
    };
    if (s.stack) item.stack = s.stack;
    if (s.kind === "bar") item.barMaxWidth = 36;
    if (s.kind === "line") Object.assign(item, { symbol: "circle", symbolSize: 6, lineStyle: { width: 2.5, color }, connectNulls: false });
    return item;
  });
  if (data.references.length > 0 && series.length > 0) {
    const axis = data.horizontal ? "xAxis" : "yAxis";
    series[0].markLine = {
      silent: true, symbol: "none", lineStyle: { type: "dashed", color: palette.plan, width: 2 },
      // Across, the category axis runs downwards, so the label goes at the line's start: the top, clear of the value axis.
      label: { formatter: "fn:referenceLabel", position: data.horizontal ? "start" : "insideEndTop", fontSize: 12 },
      data: data.references.map((r) => ({ name: r.name, [axis]: r.value })),
    };
  }
  const categories = { type: "category", data: data.categories, axisLabel: { fontSize: 12, hideOverlap: true }, inverse: data.horizontal };
  const values = [{ type: "value", axisLabel: { formatter: data.format, fontSize: 12, hideOverlap: true } }];
  if (data.secondFormat) values.push({ type: "value", axisLabel: { formatter: data.secondFormat, fontSize: 12 }, splitLine: { show: false } });
  return {
    animationDuration: 300,
    grid: { left: 16, right: 32, top: data.horizontal && data.references.length > 0 ? 60 : 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: "scroll", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: "fn:seriesTooltip" },
    xAxis: data.horizontal ? values : categories,
    yAxis: data.horizontal ? categories : values,
    series,
  };
};

// A grid of values coloured worst to best, each cell labelled with its figure.
recipes.heatmap = (data) => {
  const cells = [];
  data.values.forEach((row, y) => row.forEach((value, x) => cells.push([x, y, value == null ? "-" : value])));
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    tooltip: { formatter: "fn:heatTooltip" },
    xAxis: { type: "category", data: data.columns, splitArea: { show: true }, axisLabel: { fontSize: 11, hideOverlap: true } },
    yAxis: { type: "category", data: data.rows, inverse: true, splitArea: { show: true }, axisLabel: { fontSize: 12, interval: 0 },
      triggerEvent: Boolean(data.rowLinks) },
    visualMap: {
      min: data.min, max: data.max, calculable: false, orient: "horizontal", left: "center", bottom: 0, itemHeight: 160,
      inRange: { color: scale }, formatter: data.format, text: ["best", "worst"], textStyle: { fontSize: 12 },
    },
    series: [{ name: "cells", type: "heatmap", data: cells, label: { show: true, formatter: "fn:heatLabel", fontSize: 10, color: "#1f2430" },
      itemStyle: { borderColor: "#fff", borderWidth: 1 } }],
  };
};

// From one total to another through signed steps: totals drawn from the floor, steps floating from the running total.
recipes.waterfall = (data) => {
  const labels = [data.startLabel, ...data.steps.map((s) => s.label), data.endLabel];
  const totals = [[0, data.start, "total"], [labels.length - 1, data.end, "total"]];
  const steps = [];
  let running = data.start;
  data.steps.forEach((step, i) => {
    steps.push([i + 1, running, running + step.amount, step.amount >= 0 ? "up" : "down"]);
    running += step.amount;
  });
  const floor = (api, params) => (data.zeroBased ? api.coord([0, 0])[1] : params.coordSys.y + params.coordSys.height);
  const bar = (api, params, from, to, color) => {
    const i = api.value(0);
    const [x, yTo] = api.coord([i, to]);
    const yFrom = from == null ? floor(api, params) : api.coord([i, from])[1];
    const width = api.size([1, 0])[0] * 0.6;
    return { type: "rect", shape: { x: x - width / 2, y: Math.min(yFrom, yTo), width, height: Math.max(1, Math.abs(yTo - yFrom)) },
      style: api.style({ fill: color }) };
  };
  return {
    animationDuration: 300,
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: "item", formatter: "fn:waterfallTooltip" },
    // Many steps with long names: slanted, so that each keeps its whole name.
    xAxis: { type: "category", data: labels, axisLabel: { fontSize: 12, interval: 0, rotate: labels.length > 6 ? 30 : 0, width: 180, overflow: "truncate" } },
    yAxis: { type: "value", scale: !data.zeroBased, axisLabel: { formatter: data.format, fontSize: 12 } },
    series: [
      { name: "Totals", type: "custom", data: totals, encode: { x: 0, y: 1 },
        renderItem: (params, api) => bar(api, params, null, api.value(1), palette.total),
        label: { show: true, position: "top", formatter: "fn:waterfallTotal" } },
      { name: "Drivers", type: "custom", data: steps, encode: { x: 0, y: [1, 2] },
        renderItem: (params, api) => bar(api, params, api.value(1), api.value(2), api.value(3) === "up" ? palette.up : palette.down),
        label: { show: true, position: "top", formatter: "fn:waterfallStep" } },
    ],
  };
};

// Tooltips and labels that need the chart's data, not only a number: each chart's own, never shared.
function chartFormatters(recipe, data, symbol) {
  const value = formatter(data.format, symbol);
  const own = {};
  if (recipe === "fan") {
    // The automatic tooltip would list the invisible base of the band: say what the band means instead.
    own.fanTooltip = (params) => {
      const i = params[0].dataIndex;
      const lines = [`<strong>${escapeHtml(data.categories[i])}</strong>`];
      if (data.p50[i] != null) lines.push(`Forecast (P50): ${value(data.p50[i])}`);
      if (data.p10[i] != null) lines.push(`Range P10–P90: ${value(data.p10[i])} – ${value(data.p90[i])}`);
      if (data.plan && data.plan[i] != null) lines.push(`Plan: ${value(data.plan[i])}`);
      if (data.actual && data.actual[i] != null) lines.push(`Actual to date: ${value(data.actual[i])}`);
      return lines.join("<br>");
    };
  }
  if (recipe === "bars") {
    own.barLabel = (params) => value(params.value);
  }
  if (recipe === "series") {
    const second = data.secondFormat ? formatter(data.secondFormat, symbol) : value;
    own.referenceLabel = (params) => `${params.name}: ${value(params.value)}`;
    own.seriesTooltip = (params) => {
      const lines = [`<strong>${escapeHtml(params[0].name)}</strong>`];
      for (const p of params) {
        const s = data.series[p.seriesIndex];
        if (p.value == null) continue;
        lines.push(`${p.marker}${escapeHtml(s.name)}: ${(s.secondAxis ? second : value)(p.value)}`);
      }
      return lines.join("<br>");
    };
  }
  if (recipe === "heatmap") {
    own.heatLabel = (params) => (params.value[2] === "-" ? "" : value(params.value[2]));
    own.heatTooltip = (params) => {
      const [x, y, v] = params.value;
      const lines = [`<strong>${escapeHtml(data.rows[y])}</strong>, ${escapeHtml(data.columns[x])}: ${v === "-" ? "no value" : value(v)}`];
      const note = data.notes && data.notes[y] ? data.notes[y][x] : null;
      if (note) lines.push(escapeHtml(note));
      return lines.join("<br>");
    };
  }
  if (recipe === "waterfall") {
    const step = formatter(data.stepFormat, symbol);
    own.waterfallTotal = (params) => value(params.value[1]);
    own.waterfallStep = (params) => step(params.value[2] - params.value[1]);
    own.waterfallTooltip = (params) => params.seriesName === "Totals"
      ? `<strong>${escapeHtml(params.name)}</strong>: ${value(params.value[1])}`
      : `<strong>${escapeHtml(params.name)}</strong>: ${step(params.value[2] - params.value[1])} (to ${value(params.value[2])})`;
  }
  return own;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

let fontsReady = null;

// A canvas draws with whatever font is loaded when it draws: load the theme's font first (once).
function loadFonts(fontFamily) {
  if (!fontsReady) {
    fontsReady = Promise.all([
      document.fonts.load(`13px ${fontFamily}`),
      document.fonts.load(`bold 13px ${fontFamily}`),
    ]).catch(() => undefined);
  }
  return fontsReady;
}

export async function render(element, id, recipe, data, symbol, fontFamily) {
  if (!recipes[recipe]) throw new Error(`no chart recipe named ${recipe}`);
  await loadFonts(fontFamily);
  // The page may have gone meanwhile (a link clicked while it drew): Blazor then sends null for the element, or the
  // element is no longer in the document, and there is nothing to draw in. Drawing anyway would fail (ECharts refuses
  // a null element) or keep a chart for a detached element that no dispose would ever find.
  if (!element || !element.isConnected) return;
  let entry = charts.get(id);
  if (!entry || entry.element !== element) {
    if (entry) dispose(id);
    const chart = echarts.init(element, null, { renderer: "canvas" });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    chart.on("finished", () => {
      element.dataset.rendered = "true";
    });
    entry = { chart, observer, element };
    charts.set(id, entry);
  }
  element.dataset.rendered = "false";
  const own = chartFormatters(recipe, data, symbol);
  const option = resolveFormatters(recipes[recipe](data), symbol, own);
  option.textStyle = { fontFamily };
  option.aria = { enabled: true, label: { description: data.description }, decal: { show: true } };
  entry.chart.setOption(option, { notMerge: true });
  followRowLinks(entry.chart, data);
}

// A chart whose rows lead somewhere (a heatmap's reps) navigates on a click on a row's name or any of its cells,
// through Blazor's router, so that the circuit stays and the page changes without a reload.
function followRowLinks(chart, data) {
  chart.off("click");
  if (!data.rowLinks) return;
  chart.on("click", (params) => {
    const row = params.componentType === "yAxis" ? data.rows.indexOf(params.value)
      : params.componentType === "series" && Array.isArray(params.value) ? params.value[1] : -1;
    const link = data.rowLinks[row];
    if (link) Blazor.navigateTo(link);
  });
}

export function dispose(id) {
  const entry = charts.get(id);
  if (!entry) return;
  entry.observer.disconnect();
  entry.chart.dispose();
  charts.delete(id);
}

// The chart as PNG bytes, returned as a Uint8Array so that Blazor streams it (IJSStreamReference) instead of
// sending one SignalR message, which its 32 KB limit would refuse.
export function exportPng(id) {
  const entry = charts.get(id);
  if (!entry) throw new Error(`no chart ${id}`);
  const url = entry.chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
  const binary = atob(url.substring(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
