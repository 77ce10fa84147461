import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { htmlToMdast } from '../../src/pipeline/read/html.ts';
import { rules } from '../helpers/rules.ts';

/** What a page of a site no content selector knows keeps, and what it reports as outside its article. */
function read(body: string) {
  const { tree, dropped } = htmlToMdast(`<html><head><meta charset="utf-8"><title>页面</title></head><body>${body}</body></html>`, rules.junk);
  return { text: toString(tree), outside: dropped.filter((d) => d.rule === 'html:outside-article').map((d) => d.text) };
}

const prose = (topic: string) => `<p>${topic}的说明写在这里，一句话里有逗号，也有足够多的字，让它算作正文的一段。</p>`;

describe('a saved page of a site the content selectors do not know', () => {
  it('keeps the box that holds the prose, and reports the header, the sidebars and the footer as outside it', () => {
    const page = read(`<div class="top"><a href="/">首页</a><a href="/login">登录</a></div><div class="col-l"><div class="widget">热门标签 <a href="/t/k8s">k8s</a></div></div><div class="col-c"><div class="txt">${prose('调度器')}${prose('驱逐')}<pre>kubectl get pods</pre></div></div><div class="bottom">© 2024 某社区 京ICP备12345678号</div>`);
    expect(page.text).toContain('调度器的说明');
    expect(page.text).toContain('kubectl get pods');
    expect(page.text).not.toMatch(/首页|热门标签|京ICP备/);
    expect(page.outside).toEqual(['首页登录', '热门标签 k8s', '© 2024 某社区 京ICP备12345678号']);
  });

  it('keeps an article cut into sibling boxes whole', () => {
    const page = read(`<div id="hd"><a href="/">小站</a></div><div id="wrap"><div class="sec"><h2>备份</h2>${prose('备份')}</div><div class="sec"><h2>恢复</h2>${prose('恢复')}</div><div class="sec"><h2>校验</h2>${prose('校验')}</div></div>`);
    expect(page.text).toMatch(/备份的说明[\s\S]*恢复的说明[\s\S]*校验的说明/);
    expect(page.outside).toEqual(['小站']);
  });

  it('keeps a forum thread\'s table whole, not its best row', () => {
    const page = read(`<table class="nav"><tr><td><a href="/">论坛首页</a></td></tr></table><table class="thread"><tr><td>楼主</td><td>${prose('提问')}</td></tr><tr><td>回复</td><td>${prose('回答')}${prose('补充')}</td></tr></table>`);
    expect(page.text).toContain('提问的说明');
    expect(page.text).toContain('回答的说明');
    expect(page.outside).toEqual(['论坛首页']);
  });

  it('leaves out a comment box in the article\'s own wrapper, by its name', () => {
    const comments = Array.from({ length: 12 }, (_, i) => `<div class="c-item">${prose(`评论${i}`)}</div>`).join('');
    const page = read(`<div class="main-box"><div class="art">${prose('污点')}${prose('容忍')}</div><div class="discuss">${comments}</div></div>`);
    expect(page.text).toContain('污点的说明');
    expect(page.text).not.toContain('评论');
    expect(page.outside).toHaveLength(1);
    expect(page.outside[0]).toMatch(/^评论0的说明/);
  });

  it('keeps a plain page of paragraphs as it is', () => {
    const page = read(`<h1>DaemonSet</h1>${prose('DaemonSet')}${prose('节点')}`);
    expect(page.text).toMatch(/^DaemonSetDaemonSet的说明/);
    expect(page.outside).toEqual([]);
  });
});
