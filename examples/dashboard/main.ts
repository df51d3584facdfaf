/**
 * The dashboard page: reads the control, computes the estimates (model.ts, which imports darkfigure as any
 * app would), writes the key numbers and draws the three charts with vega-embed (SVG renderer).
 *
 * When a computation and its charts are on the page, `<main>` carries `data-state="ready"` and
 * `data-reporting` (the value drawn): the CI check waits for those.
 */
import embed, { type Result, type VisualizationSpec } from 'vega-embed';
import { ASSUMPTIONS, dashboard, keyNumbers, REPORTING, type Dashboard } from './model';

const main = document.querySelector('main')!;
const control = document.querySelector<HTMLInputElement>('#reporting')!;
const shown = document.querySelector<HTMLOutputElement>('#reporting-value')!;
const status = document.querySelector<HTMLElement>('#status')!;

control.min = String(REPORTING.min);
control.max = String(REPORTING.max);
control.step = String(REPORTING.step);
control.value = String(REPORTING.initial);

const assumptions = document.querySelector('#assumptions')!;
for (const text of ASSUMPTIONS) {
  const item = document.createElement('li');
  item.textContent = text;
  assumptions.append(item);
}

const views = new Map<string, Result>();

async function draw(id: string, spec: unknown): Promise<void> {
  const element = document.getElementById(id)!;
  views.get(id)?.finalize();
  const result = await embed(element, spec as VisualizationSpec, { renderer: 'svg', actions: false, tooltip: true });
  views.set(id, result);
}

function writeNumbers(d: Dashboard): void {
  for (const n of keyNumbers(d)) {
    const element = document.querySelector<HTMLElement>(`[data-number="${CSS.escape(n.key)}"]`);
    if (element === null) throw new Error(`no element for the number ${n.key}`);
    element.textContent = n.text;
  }
}

/** The relationship table's rows are made once, from the first result (the categories never change). */
function makeSplitRows(d: Dashboard): void {
  const body = document.querySelector('#split-table tbody')!;
  for (const category of Object.keys(d.split.categories)) {
    const row = document.createElement('tr');
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = category;
    const cell = document.createElement('td');
    cell.dataset.number = `split:${category}`;
    row.append(head, cell);
    body.append(row);
  }
}

let wanted = Number(control.value);
let running = false;
let first = true;

async function update(): Promise<void> {
  if (running) return; // the loop below picks up the latest value when the current one is drawn
  running = true;
  try {
    while (true) {
      const reporting = wanted;
      main.dataset.state = 'computing';
      status.textContent = `Computing for ${Math.round(reporting * 100)}% reporting...`;
      // let the browser paint the status before the Monte Carlo work
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const d = dashboard(reporting);
      if (first) {
        makeSplitRows(d);
        first = false;
      }
      writeNumbers(d);
      await Promise.all([draw('iceberg', d.charts.iceberg), draw('shares', d.charts.shares), draw('funnel', d.charts.funnel)]);
      if (wanted !== reporting) continue;
      main.dataset.reporting = String(reporting);
      main.dataset.state = 'ready';
      status.textContent = `Estimates shown for ${Math.round(reporting * 100)}% of victims reporting.`;
      break;
    }
  } catch (error) {
    main.dataset.state = 'error';
    status.textContent = `Something went wrong: ${String(error)}`;
    throw error;
  } finally {
    running = false;
  }
}

control.addEventListener('input', () => {
  wanted = Number(control.value);
  shown.value = `${Math.round(wanted * 100)}%`;
  void update();
});

void update();
