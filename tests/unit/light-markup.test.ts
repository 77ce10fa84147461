import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { asciidocToMdast } from '../../src/pipeline/read/asciidoc.ts';
import type { LightReading } from '../../src/pipeline/read/light-markup.ts';
import { restructuredTextToMdast } from '../../src/pipeline/read/restructured-text.ts';
import { rules } from '../helpers/rules.ts';

const WORDS = ['调度器', '节点亲和性', '持久卷申领', '服务发现', '准入控制', '滚动更新'];
const word = fc.constantFrom(...WORDS);

/** Every word the note holds is in what the reader made of it, or in what it left out and reported. */
function keepsEveryWord(text: string, reading: LightReading): void {
  const kept = `${reading.children.map((node) => toString(node)).join('\n')}\n${reading.dropped.map((d) => d.text).join('\n')}`;
  for (const w of WORDS) if (text.includes(w)) expect(kept, `${w} in\n${text}`).toContain(w);
}

/** Notes made of up to twelve of `line`'s constructs, apart by one or two line ends: the reader keeps every word of each. */
function notesOf(line: fc.Arbitrary<string>, read: (text: string) => LightReading): void {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\n\n'), (lines, gap) => {
      const text = lines.join(gap);
      keepsEveryWord(text, read(text));
    }),
    { numRuns: 300 },
  );
}

describe('reStructuredText and AsciiDoc notes of any shape', () => {
  it('reStructuredText: no construct, however it is cut or nested, loses a word or stops the reader', () => {
    const line = fc.oneof(
      word.map((w) => `${w}的说明文字。`),
      word.map((w) => `${w}\n${'='.repeat(8)}`),
      word.map((w) => `${'-'.repeat(10)}\n${w}\n${'-'.repeat(10)}`),
      word.map((w) => `.. note:: ${w}`),
      word.map((w) => `.. admonition:: ${w}\n\n   ${w}的提示。`),
      word.map((w) => `.. code-block:: bash\n\n   echo ${w}`),
      word.map((w) => `.. toctree::\n\n   ${w}`),
      word.map((w) => `.. ${w}的注释`),
      word.map((w) => `- ${w}\n\n  * ${w}的子项`),
      word.map((w) => `#. ${w}`),
      word.map((w) => `${w}::\n\n    kubectl get ${w}`),
      word.map((w) => `+------+------+\n| ${w} | 值 |\n+======+======+\n| a    | b    |\n+------+------+`),
      word.map((w) => `===== =====\n${w} 值\n===== =====`),
      word.map((w) => `:code:\`${w}\` 与 \`${w} <https://example.org/>\`_ 和 **${w}** [#]_`),
      word.map((w) => `.. [#] ${w}的脚注`),
      word.map((w) => `   ${w}的引文`),
      fc.constantFrom('', '::', '..', '====', '+---+', '| ', '* ', '`', '**', '.. _x:'),
    );
    notesOf(line, (text) => restructuredTextToMdast(text, rules.markup));
  });

  it('AsciiDoc: no construct, however it is cut or nested, loses a word or stops the reader', () => {
    const line = fc.oneof(
      word.map((w) => `${w}的说明文字。`),
      word.map((w) => `== ${w}`),
      word.map((w) => `NOTE: ${w}`),
      word.map((w) => `[WARNING]\n====\n${w}的警告\n====`),
      word.map((w) => `.${w}\n[source,bash]\n----\necho ${w}\n----`),
      word.map((w) => `|===\n|${w} |值\n\n|a |b\n|===`),
      word.map((w) => `* ${w}\n** ${w}的子项\n+\n----\n${w}\n----`),
      word.map((w) => `. ${w}`),
      word.map((w) => `${w}:: ${w}的解释`),
      word.map((w) => `<<id,${w}>> 与 https://example.org/[${w}] 和 kbd:[${w}] 与 footnote:[${w}]`),
      word.map((w) => `// ${w}的注释`),
      word.map((w) => `////\n${w}\n////`),
      word.map((w) => `____\n${w}的引文\n____`),
      word.map((w) => `****\n${w}的边栏\n****`),
      word.map((w) => `  ${w}的字面段落`),
      fc.constantFrom('', '----', '====', '|===', '+', '[source]', ':x: y', '.', '* ', '`'),
    );
    notesOf(line, (text) => asciidocToMdast(text, rules.markup));
  });
});
