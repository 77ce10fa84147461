import type { Browser } from 'playwright-core';

export interface Question {
  query: string;
  /** The page a reader expects among the first three (the last segment of its URL, or words of its title), or the pages a reader would accept. */
  page: string | string[];
}

export interface Answer {
  query: string;
  state: string;
  /** The first results: URL path and title. */
  top: { url: string; title: string }[];
  notes: string;
}

/**
 * Types each question into the site's own search box (the dialog a reader opens with the search
 * button) in real Chromium, and reads what it shows.
 */
export async function askSearchBox(browser: Browser, pageUrl: string, queries: string[], depth = 3, tabs = 2): Promise<Answer[]> {
  // A few tabs at once, each typing its share of the questions; answers come back in query order.
  const shares = Array.from({ length: Math.max(1, Math.min(tabs, queries.length)) }, (_, t) => queries.filter((_, i) => i % tabs === t));
  const answered = await Promise.all(shares.map((share) => askInOneTab(browser, pageUrl, share, depth)));
  return queries.map((_, i) => answered[i % shares.length]?.[Math.floor(i / shares.length)] as Answer);
}

async function askInOneTab(browser: Browser, pageUrl: string, queries: string[], depth: number): Promise<Answer[]> {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  await page.click('handbook-search button[data-open-search]');
  const input = page.locator('handbook-search input[type=search]');
  const answers: Answer[] = [];
  for (const query of queries) {
    await input.fill('');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('handbook-search')?.dataset.state === 'idle');
    await input.fill(query);
    await page.waitForFunction(() => /^(found|partial|none)$/.test(document.querySelector<HTMLElement>('handbook-search')?.dataset.state ?? ''), undefined, { timeout: 20_000 });
    answers.push(
      await page.evaluate(
        ([q, n]) => {
          const root = document.querySelector<HTMLElement>('handbook-search');
          const links = [...document.querySelectorAll<HTMLAnchorElement>('handbook-search .search-result-link')].slice(0, n as number);
          return {
            query: q as string,
            state: root?.dataset.state ?? '',
            top: links.map((a) => ({ url: new URL(a.href).pathname, title: a.querySelector('.search-result-title')?.textContent ?? '' })),
            notes: document.querySelector('handbook-search .search-notes')?.textContent ?? '',
          };
        },
        [query, depth],
      ),
    );
  }
  await page.close();
  return answers;
}

/** Whether an answer holds the expected page among its first results. */
export function answered(answer: Answer, expected: string | string[]): boolean {
  const wanted = typeof expected === 'string' ? [expected] : expected;
  return answer.top.some((t) => wanted.some((w) => decodeURIComponent(t.url).replace(/\/$/, '').split('/').pop() === w || t.title.includes(w)));
}

/** recall@3 over a question set, with the misses spelled out. */
export function recall(questions: Question[], answers: Answer[]): { found: number; misses: string[]; empty: string[] } {
  const misses: string[] = [];
  const empty: string[] = [];
  questions.forEach((q, i) => {
    const a = answers[i];
    if (!a || a.state === 'none') empty.push(q.query);
    if (!a || !answered(a, q.page)) misses.push(`${q.query} → wanted ${[q.page].flat().join(' or ')}, got ${a?.top.map((t) => t.title).join(' | ') || 'nothing'}${a?.state === 'partial' ? ' (partial)' : ''}`);
  });
  return { found: questions.length - misses.length, misses, empty };
}
