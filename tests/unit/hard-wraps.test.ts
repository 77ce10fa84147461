import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hardWrapRuns } from '../../src/pipeline/read/hard-wraps.ts';
import { textWidth } from '../../src/pipeline/text/line-patterns.ts';

const GOES_ON = /(的|和|与|在|是|通过|可以)$/;
const shapes = { minWidth: 40, goesOn: GOES_ON };
const everyLineCarries = () => true;

/** Breaks a text into lines of at most `width` half-width units, anywhere, as a printed page does. */
function printed(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const CHINESE = ['容器', '调度器', '节点', '的', '和', '集群', '网络插件', '存储卷', '控制器', '，', '通过', '可以', '规则', '数据', '请求', '副本'];
const LATIN = ['Pod', 'kube-proxy', 'Service', 'iptables', 'readinessProbe', 'etcd'];
const word = fc.oneof(fc.constantFrom(...CHINESE), fc.constantFrom(...LATIN).map((w) => ` ${w} `));
const sentence = fc.array(word, { minLength: 6, maxLength: 14 }).map((words) => `${words.join('').replace(/\s+/g, ' ').trim()}。`);
const noSpace = (text: string) => text.replace(/\s+/g, '');

describe('text a printed page broke into lines', () => {
  it('joins every paragraph of a note wrapped at one width back into its text, whatever the width and wherever the breaks fall', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 3, maxLength: 6 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 40, max: 90 }), (paragraphs, width) => {
        const texts = paragraphs.map((p) => p.join(''));
        const blocks = texts.map((t) => printed(t, width));
        const lines = blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
        const runs = hardWrapRuns(lines, everyLineCarries, shapes);
        if (runs) read++;
        // Lines left as written when the note does not read as printed: it then loses nothing either.
        if (!runs) return;
        let at = 0;
        blocks.forEach((block, i) => {
          const run = runs?.get(at);
          // A paragraph is its lines joined: nothing lost or added but the spaces a break took.
          expect(noSpace(run?.text ?? block[0] ?? '')).toBe(noSpace(texts[i] ?? ''));
          expect(run?.end ?? at).toBe(at + block.length - 1);
          at += block.length + 1;
        });
      }),
      { numRuns: 200, seed: 20261124 },
    );
    // Notes of this vocabulary break mid-sentence often enough (after 的, a comma, inside a word) to be read as printed.
    expect(read).toBeGreaterThan(180);
  });

  it('leaves lines an author ended as they are: statements one to a line, however alike their widths', () => {
    const statement = fc.array(fc.oneof(fc.constantFrom('容器', '调度器', '节点', '集群', '网络插件', '存储卷', '控制器', '规则', '副本'), fc.constantFrom(...LATIN).map((w) => ` ${w} `)), { minLength: 8, maxLength: 16 }).map((words) => words.join('').replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(fc.array(statement, { minLength: 3, maxLength: 12 }), (lines) => {
        expect(hardWrapRuns(lines, everyLineCarries, shapes)).toBeUndefined();
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('takes no narrow lines for a printed width', () => {
    const lines = ['容器和节点的', '关系通过调度', '器决定，可以', '在集群里查看'];
    expect(hardWrapRuns(lines, everyLineCarries, shapes)).toBeUndefined();
    expect(hardWrapRuns(lines, everyLineCarries, { ...shapes, minWidth: 10 })?.get(0)).toEqual({ text: '容器和节点的关系通过调度器决定，可以在集群里查看', end: 3 });
  });
});
