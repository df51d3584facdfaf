import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from '../../src/charts/spec';

/**
 * Compile a specification with vega-lite, render it to SVG with vega in Node (no DOM), and return the
 * SVG with the compiler's warnings. The spec is passed through JSON first, as a page would receive it.
 */
export async function render(spec: VegaLiteSpec): Promise<{ svg: string; warnings: string[]; vega: vega.Spec }> {
  const json = JSON.parse(JSON.stringify(spec)) as Parameters<typeof compile>[0];
  const warnings: string[] = [];
  const logger = {
    level: (..._: unknown[]) => logger,
    error: (...m: unknown[]) => { throw new Error(m.map(String).join(' ')); },
    warn: (...m: unknown[]) => { warnings.push(m.map(String).join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(json, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  view.logger({ ...logger, level: () => 0 } as never);
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings, vega: compiled };
}

/**
 * The SVG groups of a named mark, joined (Vega writes a mark's name into its group's class; a line mark
 * split into series has one group per series).
 */
export function markGroup(svg: string, name: string): string {
  const out: string[] = [];
  const open = new RegExp(`<g class="mark-[a-z]+ role-mark ${name}(_marks)?"`, 'g');
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    const tagEnd = svg.indexOf('>', m.index);
    if (svg[tagEnd - 1] === '/') {
      out.push(svg.slice(m.index, tagEnd + 1)); // an empty group, <g ... />
      continue;
    }
    // the group ends at its matching </g>: count nesting (empty groups <g/> open nothing)
    let depth = 0;
    const re = /<g\b[^>]*?(\/)?>|<\/g>/g;
    re.lastIndex = m.index;
    for (let t = re.exec(svg); t; t = re.exec(svg)) {
      if (t[1] === '/') continue;
      depth += t[0] === '</g>' ? -1 : 1;
      if (depth === 0) {
        out.push(svg.slice(m.index, t.index + 4));
        break;
      }
    }
  }
  return out.join('\n');
}

/** How many groups (series) a named mark has. */
export function seriesCount(svg: string, name: string): number {
  return (svg.match(new RegExp(`<g class="mark-[a-z]+ role-mark ${name}(_marks)?"`, 'g')) ?? []).length;
}

/** How many items a mark group holds (paths for symbols, lines, rules, rects; text elements). */
export function countItems(group: string, tag: 'path' | 'text' | 'line'): number {
  return (group.match(new RegExp(`<${tag}\\b`, 'g')) ?? []).length;
}
