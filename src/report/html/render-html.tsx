/** Renders the report model to one self-contained HTML document. */
import type { ReportModel } from '../model.js';
import { resetTableIds } from './components/data-table.js';
import type { HtmlOptions } from './options.js';
import { ReportPage } from './page.js';

export type { HtmlOptions };

/** hono/jsx nodes render themselves with toString(): a string, or a promise of one for async components. */
interface Renderable {
  toString(): string | Promise<string>;
}

export async function renderHtml(model: ReportModel, options: HtmlOptions = { mode: 'screen' }): Promise<string> {
  resetTableIds();
  const node = (<ReportPage m={model} opts={options} />) as unknown as Renderable;
  const body = await node.toString();
  return `<!doctype html>\n${body}`;
}
