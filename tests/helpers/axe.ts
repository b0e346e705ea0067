import fs from 'fs';
import type { Page } from 'playwright-core';

/** axe-core, run in the page as it stands, for the WCAG 2.1 A and AA rules. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

type AxeWindow = typeof globalThis & {
  axe?: {
    run: (
      context: Document,
      options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
    ) => Promise<{
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[]; html: string; failureSummary?: string }[];
      }[];
    }>;
  };
};

async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => Boolean((globalThis as AxeWindow).axe)))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(' '), html: node.html, summary: node.failureSummary ?? '' })),
    }));
  }, WCAG_21_AA);
}

/** One violation per paragraph: rule, impact, what to do, and each element with what is wrong with it. */
export function describeViolations(where: string, found: readonly Violation[]): string {
  return found
    .map((violation) =>
      [
        `[${where}] ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `  at ${node.target}\n    ${node.html.slice(0, 200)}\n    ${node.summary.replace(/\n/g, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * The page audited at each width, as text: empty when there is nothing to fix. Tests compare it
 * with '' so that a failure prints every violation, readably.
 */
export async function accessibilityReport(page: Page, name: string, widths: Readonly<Record<string, { width: number; height: number }>>): Promise<string> {
  const original = page.viewportSize();
  const reports: string[] = [];
  for (const [label, size] of Object.entries(widths)) {
    await page.setViewportSize(size);
    reports.push(describeViolations(`${name}, ${label}`, await violations(page)));
  }
  if (original) await page.setViewportSize(original);
  return reports.filter(Boolean).join('\n\n');
}
