/**
 * Expressions evaluated inside the page (page.evaluate): plain JavaScript, since the Node-side
 * TypeScript program has no DOM types.
 */

export const STORED_TOKEN = "sessionStorage.getItem('register.analystToken')";

export const FOCUSED_ID = "document.activeElement ? document.activeElement.id : ''";

export const SCROLL_TOP = 'window.scrollTo(0, 0), null';

/** The sum of every number each chart holds, read from its Chart.js instance. */
export const CHART_TOTALS = `['status', 'prefecture', 'lapses', 'overdue'].map((id) => {
  const chart = window.Chart.getChart('chart-' + id);
  return chart ? chart.data.datasets.flatMap((d) => d.data).reduce((sum, v) => sum + (typeof v === 'number' ? v : 0), 0) : -1;
})`;

/** How many pixels of the status chart's canvas are painted. */
export const PAINTED_PIXELS = `(() => {
  const canvas = document.getElementById('chart-status');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count += 1;
  return count;
})()`;

/** Ids of form controls without a label. */
export const UNLABELED_CONTROLS = "[...document.querySelectorAll('input, select')].filter((c) => !c.labels || c.labels.length === 0).map((c) => c.id)";
