import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';

const site = servedSite();

describe('practice mode on /questions/', () => {
  it('reveals an answer read from its page, marks it 会了 across a reload, filters by chapter and shuffles', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}questions/`);
    const first = page.locator('li[data-question]').first();
    const reveal = first.getByRole('button', { name: '显示答案' });
    expect(await reveal.getAttribute('aria-expanded')).toBe('false');
    await reveal.click();
    const answer = first.locator('.practice-answer');
    await expect.poll(async () => (await answer.textContent())?.length ?? 0).toBeGreaterThan(40);
    expect(await answer.textContent()).not.toMatch(/读取失败|没有可显示/);
    expect(await first.getByRole('button', { name: '隐藏答案' }).getAttribute('aria-expanded')).toBe('true');
    // The answer is the question's own part: not its page's other questions.
    const others = await page.locator('li[data-question] > a').allTextContents();
    expect(await answer.locator('h2').count()).toBe(0);
    expect(others.length).toBeGreaterThan(10);

    await first.getByRole('button', { name: '会了' }).click();
    expect(await first.getByRole('button', { name: '会了' }).getAttribute('aria-pressed')).toBe('true');
    const count = page.locator('[data-practice-count]');
    expect(await count.textContent()).toMatch(/^会了 1 \/ \d+$/);
    await page.reload();
    expect(await page.locator('li[data-question]').first().getByRole('button', { name: '会了' }).getAttribute('aria-pressed')).toBe('true');
    // 只看没会的 hides it.
    await page.getByRole('button', { name: '只看没会的' }).click();
    expect(await page.locator('li[data-question]').first().isHidden()).toBe(true);
    await page.getByRole('button', { name: '只看没会的' }).click();

    const chapters = await page.locator('[data-practice-filter] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    expect(chapters.length).toBeGreaterThan(1);
    await page.selectOption('[data-practice-filter]', chapters[1] ?? '');
    const visible = await page.locator('section[data-chapter]:visible').evaluateAll((s) => s.map((x) => (x as HTMLElement).dataset['chapter']));
    expect(visible).toEqual([chapters[1]]);
    await page.selectOption('[data-practice-filter]', '');

    const order = () => page.locator('li[data-question] > a').allTextContents();
    const before = await order();
    let shuffled = before;
    for (let i = 0; i < 3 && shuffled.join() === before.join(); i++) {
      await page.getByRole('button', { name: '打乱顺序' }).click();
      shuffled = await order();
    }
    expect(shuffled.join()).not.toBe(before.join());
    expect([...shuffled].sort()).toEqual([...before].sort());
    await page.close();
  });

  it('without JavaScript it is a plain linked list with no controls', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}questions/`);
    expect(await page.locator('li[data-question] > a').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-practice]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '显示答案' }).count()).toBe(0);
    await context.close();
  });
});
