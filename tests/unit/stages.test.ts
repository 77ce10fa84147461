import type { Root } from 'mdast';
import { describe, it } from 'vitest';
import { classify, findTopic } from '../../src/pipeline/classify/index.ts';
import { clean, dropRepeats } from '../../src/pipeline/clean/index.ts';
import { extractDiagrams } from '../../src/pipeline/diagram/index.ts';
import { toMdx } from '../../src/pipeline/emit/index.ts';
import { listSources, runPipeline } from '../../src/pipeline/index.ts';
import { readNote } from '../../src/pipeline/read/index.ts';
import { segment } from '../../src/pipeline/segment/index.ts';
import { cases, expectFiles, FIXTURES, inputOf, json } from '../helpers/fixtures.ts';
import { rules } from '../helpers/rules.ts';

function read(stage: string, name: string) {
  const input = inputOf(stage, name);
  return readNote(input.bytes, input.path, rules);
}

describe('read: a note file becomes a tree and metadata', () => {
  for (const name of cases('read')) {
    it(name, () => {
      const note = read('read', name);
      expectFiles('read', name, { 'tree.mdx': toMdx(note.tree), 'meta.json': json({ meta: note.file.data.meta, dropped: note.file.data.dropped }) });
    });
  }
});

describe('clean: junk out, structure in, nothing unexplained', () => {
  for (const name of cases('clean')) {
    it(name, () => {
      const note = read('clean', name);
      clean(note.tree, note.file, rules);
      const tree: Root = { type: 'root', children: dropRepeats(note.tree.children, note.file) };
      expectFiles('clean', name, {
        'tree.mdx': toMdx(tree),
        'report.json': json({ dropped: note.file.data.dropped, images: note.file.data.images, fixes: note.file.data.fixes ?? {}, warnings: note.file.messages.map((m) => m.reason) }),
      });
    });
  }
});

describe('segment: a note becomes topic sections', () => {
  for (const name of cases('segment')) {
    it(name, () => {
      const note = read('segment', name);
      clean(note.tree, note.file, rules);
      const sections = segment(note.tree, note.file, rules.pageModel, rules.taxonomy).sections.map((s) => ({ heading: s.heading, originalHeading: s.originalHeading, body: toMdx({ type: 'root', children: s.children }) }));
      expectFiles('segment', name, { 'sections.json': json({ sections, dropped: note.file.data.dropped }) });
    });
  }
});

describe('classify: every section gets one chapter, a group, a score and its deciding terms', () => {
  for (const name of cases('classify')) {
    it(name, () => {
      const note = read('classify', name);
      clean(note.tree, note.file, rules);
      const result = segment(note.tree, note.file, rules.pageModel, rules.taxonomy).sections.map((s) => ({ heading: s.heading, ...classify(s, rules.taxonomy), topic: findTopic(s, rules.taxonomy) ?? null }));
      expectFiles('classify', name, { 'classification.json': json(result) });
    });
  }
});

describe('diagram: workflows become Mermaid, other lists do not', () => {
  for (const name of cases('diagram')) {
    it(name, () => {
      const note = read('diagram', name);
      clean(note.tree, note.file, rules);
      const results = segment(note.tree, note.file, rules.pageModel, rules.taxonomy).sections.map((s) => extractDiagrams(s, rules.actors, rules.pageModel));
      expectFiles('diagram', name, {
        'records.json': json(results.flatMap((r) => r.records)),
        'diagrams.mmd': results.flatMap((r) => r.specs.map((s) => `%% ${s.id} · ${s.caption}\n${s.code}`)).join('\n'),
      });
    });
  }
});

describe('pipeline: a folder of notes becomes chapters, sidebar and report', () => {
  for (const name of cases('pipeline')) {
    it(name, () => {
      const { files } = runPipeline(listSources(`${FIXTURES}pipeline/${name}/sources`), rules);
      // glossary.json depends on content/terms.yaml alone (tests/unit/glossary.test.ts checks it), not on the notes.
      expectFiles('pipeline', name, Object.fromEntries(files.filter((f) => f.path !== 'glossary.json').map((f) => [f.path, f.content])));
    });
  }
});
