import { describe, expect, it } from 'vitest';
import { type Entry, foldOthers, handbookEntries, markCurrent, prevNext } from '../../src/site/sidebar.ts';

/** Two chapters as content/sidebar.json gives them: an overview, and groups of page slugs. */
const CHAPTERS = [
  {
    label: '组件与资源对象',
    items: [
      { label: '概览', slug: 'components' },
      { label: '控制平面', collapsed: false, items: [{ slug: 'components/etcd' }, { slug: 'components/kube-apiserver' }] },
    ],
  },
  { label: '存储', items: [{ label: '概览', slug: 'storage' }, { label: '持久化', items: [{ slug: 'storage/pv' }] }] },
];
const PAGES: Record<string, { title: string; sidebar: { label?: string } }> = {
  components: { title: '组件与资源对象', sidebar: {} },
  'components/etcd': { title: 'etcd', sidebar: {} },
  'components/kube-apiserver': { title: 'kube-apiserver 的作用', sidebar: { label: 'kube-apiserver' } },
  storage: { title: '存储', sidebar: {} },
  'storage/pv': { title: 'PV 与 PVC', sidebar: {} },
};
const GLOSSARY = { title: '术语表', terms: [{ id: 'pod' }] } as Parameters<typeof handbookEntries>[1];
const entries = () => handbookEntries(CHAPTERS, GLOSSARY, (id) => PAGES[id]);
const link = (label: string, href: string, isCurrent = false) => ({ type: 'link', label, href, badge: undefined, isCurrent, attrs: {} });
const labels = (list: Entry[]): unknown[] => list.map((e) => (e.type === 'link' ? `${e.label}${e.isCurrent ? ' *' : ''}` : { [`${e.label}${e.collapsed ? ' (folded)' : ''}`]: labels(e.entries) }));

describe('the chapters in the sidebar (src/site/sidebar.ts), as Starlight makes them from its config', () => {
  it('labels a page by the item, else its sidebar label, else its title; links it at its address', () => {
    expect(entries()).toEqual([
      link('术语表', '/glossary/'),
      {
        type: 'group',
        label: '组件与资源对象',
        collapsed: false,
        badge: undefined,
        entries: [
          link('概览', '/components/'),
          { type: 'group', label: '控制平面', collapsed: false, badge: undefined, entries: [link('etcd', '/components/etcd/'), link('kube-apiserver', '/components/kube-apiserver/')] },
        ],
      },
      { type: 'group', label: '存储', collapsed: false, badge: undefined, entries: [link('概览', '/storage/'), { type: 'group', label: '持久化', collapsed: false, badge: undefined, entries: [link('PV 与 PVC', '/storage/pv/')] }] },
    ]);
  });

  it('leaves the glossary out when it has no terms, and names a listed page that does not exist', () => {
    expect(handbookEntries(CHAPTERS, { ...GLOSSARY, terms: [] }, (id) => PAGES[id])[0]).toMatchObject({ type: 'group', label: '组件与资源对象' });
    expect(() => handbookEntries(CHAPTERS, GLOSSARY, (id) => (id === 'storage/pv' ? undefined : PAGES[id]))).toThrow('content/sidebar.json lists storage/pv, which is not a page. Run npm run ingest.');
  });

  it("marks the page being rendered, keeps its chapter open and folds the others to their overview", () => {
    const sidebar = markCurrent(entries(), '/components/kube-apiserver');
    expect(labels(foldOthers(sidebar))).toEqual(['术语表', { 组件与资源对象: ['概览', { 控制平面: ['etcd', 'kube-apiserver *'] }] }, { '存储 (folded)': ['概览'] }]);
    expect(labels(foldOthers(markCurrent(entries(), '/glossary/')))).toEqual(['术语表 *', { '组件与资源对象 (folded)': ['概览'] }, { '存储 (folded)': ['概览'] }]);
    // A page outside the sidebar (the question index) folds every chapter; the entries made once are never marked.
    expect(labels(foldOthers(markCurrent(entries(), '/questions/')))).toEqual(['术语表', { '组件与资源对象 (folded)': ['概览'] }, { '存储 (folded)': ['概览'] }]);
    const made = entries();
    markCurrent(made, '/storage/pv/');
    expect(labels(made).flat(3).join()).not.toContain('*');
  });

  it('takes previous and next pages from the whole sidebar, as the page frontmatter allows', () => {
    const sidebar = markCurrent(entries(), '/storage/');
    expect(prevNext(sidebar, {})).toEqual({ prev: link('kube-apiserver', '/components/kube-apiserver/'), next: link('PV 与 PVC', '/storage/pv/') });
    expect(prevNext(sidebar, { prev: false, next: '下一页：PV' })).toEqual({ prev: undefined, next: link('下一页：PV', '/storage/pv/') });
    expect(prevNext(sidebar, { next: { link: '/storage/pv/#pvc', label: 'PVC' } })).toMatchObject({ next: link('PVC', '/storage/pv/#pvc') });
    const last = markCurrent(entries(), '/storage/pv/');
    expect(prevNext(last, {}).next).toBeUndefined();
    expect(prevNext(last, { next: { link: '/questions/', label: '问题索引' } }).next).toEqual(link('问题索引', '/questions/'));
    expect(prevNext(entries(), {})).toEqual({ prev: undefined, next: undefined });
  });
});
