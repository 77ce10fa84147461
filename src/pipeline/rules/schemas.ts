import { z } from 'zod';
import type { UiStrings } from '../../schema.ts';

/** content/taxonomy.yaml */
export const taxonomySchema = z.object({
  chapters: z
    .array(
      z.object({
        /** URL segment and folder name. */
        slug: z.string().regex(/^[a-z0-9-]+$/),
        /** Chapter title shown in the sidebar and on its index page. */
        title: z.string(),
        /** Short label for compact places (cards, breadcrumbs). */
        short: z.string(),
        /** One sentence on what the chapter covers. */
        description: z.string(),
        /** A catch-all chapter: shown (sidebar, home page, index page) only when it has pages. */
        optional: z.boolean().default(false),
        groups: z
          .array(
            z.object({
              /** Folder name of the group inside the chapter. */
              slug: z.string().regex(/^[a-z0-9-]+$/),
              /** Group label in the sidebar. */
              title: z.string(),
              /** Term → weight; terms match case-insensitively. */
              terms: z.record(z.string(), z.number()),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
  topics: z.array(
    z.object({
      /** File name of the topic page. */
      slug: z.string().regex(/^[a-z0-9-]+$/),
      /** Page title. */
      title: z.string(),
      /** Chapter of the topic's page (a chapter slug); by the parts' scores when left out. */
      chapter: z.string().optional(),
      /** Group of the topic's page in its chapter (a group slug). */
      group: z.string().optional(),
      /** A section whose heading contains one of these joins the topic. */
      terms: z.array(z.string()).min(1),
      /** Longer terms inside which a term does not name this topic (`Linux namespace`). */
      except: z.array(z.string()).default([]),
    }),
  ),
  /**
   * A heading that names this many topics or more is an overview, and joins this topic; counted
   * among the topics of `groups` only, when they are listed (a comparison of three workloads is
   * no overview of the components).
   */
  'overview-topic': z.object({ slug: z.string(), min: z.number().int().min(2), groups: z.array(z.string()).optional() }).optional(),
  /** The sidebar's name for a chapter's index page (the first entry under each chapter). */
  'overview-label': z.string().min(1).default('概览'),
  /** How a part is scored against a group's terms. */
  scoring: z
    .object({
      /** A term in the part's heading counts this many times one in its body. */
      'heading-factor': z.number().min(0).default(3),
      /** A term counts at most this many times in a body. */
      'body-cap': z.number().int().min(1).default(5),
      /** A part that scores less than this in every chapter fits none of them: it goes to the optional catch-all chapter, when there is one. */
      'min-score': z.number().min(0).default(0),
    })
    .default({ 'heading-factor': 3, 'body-cap': 5, 'min-score': 0 }),
});

/** content/glossary.yaml */
export const glossarySchema = z.object({
  /** Misspelling → correct term. */
  fixes: z.record(z.string(), z.string()),
});

/** A regular expression written as a string; a pattern that does not compile names itself. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression: write it as JavaScript would read it, with backslashes doubled inside double quotes' },
);

/** content/junk-rules.yaml */
export const junkRulesSchema = z.object({
  tails: z.array(z.object({ id: z.string(), captions: z.array(z.string()).min(1) })),
  html: z.array(z.object({ id: z.string(), selectors: z.array(z.string()).min(1) })),
  content: z.array(z.string()),
  /** Words in class names and ids that say a box is the article, or is not (a sidebar, comments): for pages no content selector knows. */
  'article-hints': z.object({ positive: z.array(z.string().min(2)).default([]), negative: z.array(z.string().min(2)).default([]) }).prefault({}),
  /** Attributes where a page that loads its pictures lazily keeps their addresses (WeChat's data-src), src holding a placeholder. */
  'image-sources': z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'an attribute name in lower case: data-src')).default([]),
  'search-links': z.array(z.string()),
  /** The words that open the placeholder an editor left where it could not copy a picture (`[外链图片转存失败…(img-…)(address)]`). */
  'upload-placeholders': z.array(z.string().min(1)).default([]),
  'front-matter': z.object({
    keep: z.array(z.string()),
    /** Keys that give the short title a site's menu shows (Hugo's linktitle, Docusaurus' sidebar_label): kept, and the page's title. */
    'short-title': z.array(z.string()).default([]),
    /** Properties a note app writes as lines under the title (Notion's `Created: …`, `Tags: …`): dropped like front matter. */
    'header-properties': z.array(z.string()).default([]),
  }),
  /** Alt texts that say nothing (regular expressions, case-insensitive): such an alt is left empty. */
  'image-alts': z.array(pattern).default([]),
  /** A paragraph, heading or list item whose whole text matches one of a rule's patterns is dropped. */
  lines: z.array(z.object({ id: z.string(), patterns: z.array(pattern).min(1) })).default([]),
  /** Captions of a table of contents, dropped with the list of in-page links below them. */
  'toc-captions': z.array(z.string()).default([]),
  /** What stands between an article's title and the site's name in a saved page's <title>. */
  'title-separators': z.array(z.string().min(1)).default([]),
});

/** content/actors.yaml */
export const actorsSchema = z.object({
  actors: z.array(
    z.object({
      /** Participant id in diagrams. */
      id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
      /** Label shown in diagrams. */
      label: z.string(),
      /** Names the notes use for this actor; matched case-insensitively. */
      aliases: z.array(z.string()).min(1),
    }),
  ),
  /** Words marking a list as a process. */
  'process-cues': z.array(z.string()),
  /** Words marking a list as not a process (features, pros and cons). */
  'not-process-cues': z.array(z.string()),
  /**
   * How a step states a message (src/pipeline/diagram/statements.ts). A sequence diagram is drawn
   * only when every message's sender and receiver are both stated by its step.
   */
  messages: z.object({
    /** `A <verb> … B`: A sends to B (调用, 写入, 推送给…). */
    send: z.array(z.string().min(1)).min(1),
    /** `A 向 B <towards-verb>`: the preposition before B… */
    towards: z.array(z.string().min(1)),
    /** …and the verb after B (发送, 注册…). */
    'towards-verbs': z.array(z.string().min(1)),
    /** `B <verb> … A`: B receives from A, the message goes A → B (接收, 监听…). */
    receive: z.array(z.string().min(1)),
    /** `B 从 A <receive verb>`: the preposition before A. */
    from: z.array(z.string().min(1)),
    /** `A 通过 B 写入 C`, `A 通过 B 更新…`: the message goes to B, the go-between. */
    via: z.array(z.string().min(1)),
    /** `用户通过 kubectl …`: words before an actor that make it the sender all the same (its instrument). */
    instrument: z.array(z.string().min(1)),
    /** Words right before an actor that make it an object or an example, never the subject (如, 与, 将…). */
    'not-subject-after': z.array(z.string().min(1)),
    /** A clause opening with one of these shares the subject of its sentence's first clause (并, 然后…). */
    'carry-subject': z.array(z.string().min(1)),
    /** Width between a verb and its actor, at most, in half-width units (a Chinese character counts 2): 订阅者, the Service to the… */
    'max-gap': z.number().int().min(0).default(32),
  }),
  /** Words that open the steps of a process told in one paragraph (首先 … 然后 … 最后). */
  'sequence-words': z.array(z.string().min(1)).default([]),
  /** How a diagram's caption is made from the lead-in or the heading (src/pipeline/diagram/caption.ts). */
  captions: z.object({
    /** Nouns that name a process; a caption ends with one (流程, 过程, 步骤…). */
    'process-nouns': z.array(z.string().min(1)),
    /** Words opening a lead-in that are not part of the name (以下是, 下面是…). */
    'lead-in-prefixes': z.array(z.string().min(1)),
    /** Words closing a lead-in that are not part of the name (如下, 如下所示…). */
    'lead-in-suffixes': z.array(z.string().min(1)),
    /** `通过以下步骤实施资源管理`: the words that announce steps; what follows them names the process, with `steps-suffix` after it. */
    'steps-phrases': z.array(z.string().min(1)),
    'steps-suffix': z.string(),
  }),
});

const asideKind = z.enum(['note', 'tip', 'caution', 'danger']);

const names = z.array(z.string().min(1)).default([]);
/** A kind of note known by its file's extension (`extensions`, with their dots, in lower case) and what else its reader needs. */
const byExtension = <T extends z.ZodRawShape>(shape: T) => z.object({ extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/)).default([]), ...shape }).prefault({} as never);

/** content/markup.yaml */
export const markupSchema = z.object({
  /** Starlight aside kind → the words other generators use for it (case-insensitive). */
  asides: z.partialRecord(asideKind, z.array(z.string().min(1))).default({}),
  /** The kind of a callout that names none. */
  'default-aside': asideKind.default('note'),
  /** HTML tags a note app writes around a callout in Markdown (Notion's <aside>): they become asides. */
  'html-callouts': z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
  /** Classes of the boxes a saved documentation page prints a callout in (VuePress's custom-block, MkDocs's admonition): they become asides of the kind another of their classes names. */
  'html-callout-boxes': z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
  /** Classes of a callout box's title element (custom-block-title), or their stem before a hash a CSS module adds (admonitionHeading_x1y2). */
  'html-callout-titles': z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/)).default([]),
  /** Shortcode and tag names that are callouts; they become asides. */
  'aside-shortcodes': z.array(z.string().min(1)).default([]),
  /** Shortcode and tag names replaced by their content (a title attribute becomes a bold line). */
  'unwrap-shortcodes': z.array(z.string().min(1)).default([]),
  /** Of those, the ones whose first argument is their label (`{{< tab "命令行" >}}`): it becomes the bold line too. */
  'labelled-shortcodes': z.array(z.string().min(1)).default([]),
  /** Shortcodes that show a picture and stand alone (`{{< figure src="…" caption="…" >}}`): they become the picture and its caption. */
  'picture-shortcodes': z.array(z.string().min(1)).default([]),
  /** Of those, the ones whose picture is a file of the folder named like the note, beside it (Hexo's post asset folder: `{% asset_img arch.png 架构 %}` in `ingress.md` shows `ingress/arch.png`). */
  'note-folder-shortcodes': z.array(z.string().min(1)).default([]),
  /** Marks that open a paragraph and make it a callout, with the callout's kind (docsify's `?> 提示` and `!> 警告`). */
  'paragraph-asides': z.record(z.string().min(1), asideKind).default({}),
  /** Shortcodes and tags that hold code (`{% codeblock lang:yaml %}`, `{{< highlight go >}}`): their content becomes a code block in that language, never Markdown. Lower case. */
  'code-shortcodes': z.array(z.string().min(1)).default([]),
  /** Shortcodes that show what an address holds and stand alone (`{% embed url="…" caption="…" %}`): they become a link to it, named by the caption or the address. */
  'link-shortcodes': z.array(z.string().min(1)).default([]),
  /** Commands that make a code block with no language a shell session (`bash`) when most of its lines start with one. */
  'shell-commands': z.array(z.string().min(1)).default([]),
  /** Characters removed from text and code: permalink marks, zero-width characters, soft hyphens. */
  'strip-characters': z.array(z.string().length(1)).default([]),
  /** Extensions of files that are never notes (a site's configuration, scripts, styles, archives): not read, and counted by the ingest. */
  'not-notes': z.array(z.string().regex(/^\.[a-z0-9]+$/, 'an extension with its dot, in lower case: .json')).default([]),
  /** Names (without extension, compared without case) of the files a repository keeps about itself (LICENSE, CHANGELOG.md, Makefile): never notes. */
  'not-note-names': z.array(z.string().regex(/^[^./\\][^/\\]*$/, 'a file name without its extension or folder: LICENSE')).default([]),
  /** reStructuredText notes (Sphinx, Read the Docs), read by src/pipeline/read/restructured-text.ts. */
  'restructured-text': byExtension({
    /** Directives that hold code (`.. code-block:: yaml`). */
    'code-directives': names,
    /** Directives that show a picture (`.. image:: arch.png`). */
    'picture-directives': names,
    /** Directives a page has no use for (a table of contents, an index entry, an included file): left out and reported. */
    'dropped-directives': names,
    /** Roles whose text is code (`:command:`kubectl get pods``). */
    'code-roles': names,
  }),
  /** AsciiDoc notes (Asciidoctor, Antora), read by src/pipeline/read/asciidoc.ts. */
  asciidoc: byExtension({}),
  /** Word documents, turned into HTML pages by src/pipeline/read/word.ts. */
  word: byExtension({
    /** mammoth's style map: which paragraph styles are which headings (`p[style-name='标题 1'] => h1:fresh`). */
    'style-map': names,
  }),
  /** Evernote exports, split into their notes by src/pipeline/read/evernote.ts. */
  evernote: byExtension({}),
  /** Jupyter notebooks, read by src/pipeline/read/notebook.ts. */
  notebook: byExtension({}),
  /** How a plain-text note's lines say what they are (the text reader, src/pipeline/read/plain-text.ts). */
  'plain-text': z.object({
    /** A heading numbered with Chinese numerals (`一、前言`). */
    'numbered-heading': pattern,
    /** A numbered step (`1.客户端使用kubectl…`): the number and the text are its two groups. */
    'numbered-step': pattern.refine((source) => new RegExp(`${source}|`).exec('')?.length === 3, { message: 'capture the number and the text as two groups, like ^(\\d{1,3})[.、)]\\s*(\\S.*)$' }),
    /** A line ending in one of these is prose, never a title. */
    'sentence-end': pattern,
    /** A line ending in one of these words needs the next line to be a sentence (`通过` / `resources 字段设置…`): never a title. */
    'sentence-goes-on': pattern.default('(?!)'),
    /** A shell prompt line (`$ kubectl get pods`): runs of them become a shell code block. */
    prompt: pattern,
    /** The first line of a diagram's source (`flowchart TB`): it and the indented lines below it are a Mermaid block. */
    'diagram-start': pattern.default('(?!)'),
    /** The longest numbered heading, in characters. */
    'max-heading': z.number().int().min(4),
    /** The longest unnumbered line taken as a title, in characters. */
    'max-title-line': z.number().int().min(4),
    /** The narrowest width (half-width units: a CJK character counts 2) at which lines of the same width read as text wrapped by a PDF or a print copy. */
    'min-wrap-width': z.number().int().min(10).default(40),
  }),
});

/** content/page-model.yaml */
export const pageModelSchema = z.object({
  /** Words in a note's title that say it collects questions. */
  'collection-title-cues': z.array(z.string().min(1)).default([]),
  /** A note is a collection when at least this many of its top-level headings are questions… */
  'min-questions': z.number().int().min(1).default(3),
  /** …and at least this share of them. */
  'question-share': z.number().min(0).max(1).default(0.5),
  /** …or when its title names no topic and its headings name at least this many topics… */
  'min-topics': z.number().int().min(1).default(3),
  /** …in at least this share of them. */
  'topic-share': z.number().min(0).max(1).default(0.4),
  /** Headings that never make a part of their own. */
  'generic-headings': z.array(z.string().min(1)).default([]),
  /** A heading starting with one of these asks a question (case-insensitive). */
  'question-starts': z.array(z.string().min(1)).default([]),
  /** A heading ending with one of these asks a question. */
  'question-ends': z.array(z.string().min(1)).default([]),
  /** Labels that open a question line of a question list (`问：`, `Q:`), and its answer (`答：`, `A:`); a colon follows them. */
  'question-labels': z.array(z.string().min(1)).default([]),
  'answer-labels': z.array(z.string().min(1)).default([]),
  /**
   * A paragraph of one plain line ending in a question mark, no longer than `max-chars`, asks a
   * question of a question list when the note's title says it collects questions, or when such
   * lines are at least `share` of the note's blocks (an article's rhetorical question is not).
   */
  'question-lines': z.object({ 'max-chars': z.number().int().min(1).default(80), share: z.number().min(0).max(1).default(0.25) }).default({ 'max-chars': 80, share: 0.25 }),
  /** Numbering in front of a heading, removed from its text (regular expressions). */
  'heading-numbering': z.array(pattern).default([]),
  /** The words before the file name on the line naming a part's note. */
  'source-label': z.string().default('来源：'),
  /** The words before the notes that repeat a part (reposts). */
  'also-in-label': z.string().default('；亦见'),
  /** A part of a collection with fewer characters than this and no topic stays with its neighbour. */
  'min-part-chars': z.number().int().min(0).default(80),
  /** Words removed from the start of a question to make a page's short title (case-insensitive). */
  'title-prefixes': z.array(z.string().min(1)).default([]),
  /** Words removed from the end of a question to make a page's short title. */
  'title-suffixes': z.array(z.string().min(1)).default([]),
  /** Words that open a question's last clause asking for more (`，请解释对错`): the clause is not part of its short title. */
  'title-requests': z.array(z.string().min(1)).default([]),
  /** Words an author puts after a note's subject (`StatefulSet 学习笔记`), removed from a title that is not a question. */
  'note-title-suffixes': z.array(z.string().min(1)).default([]),
  /** Words an author puts before a note's subject (`深入理解 Kubernetes 中的 Pod`), removed from a title that is not a question. */
  'note-title-prefixes': z.array(z.string().min(1)).default([]),
  /** What a blog puts in front of a post's subject besides words (`【K8s】`, `K8s 学习笔记（三）：`): regular expressions matched at the start of a title that is not a question, removed when words are left. */
  'note-title-leads': z.array(pattern).default([]),
  /** What a file name carries besides its subject (`01-`, a Jekyll post's date, a Notion export's id): removed when a note is titled by its file. */
  'file-name-noise': z.array(pattern).default([]),
  /** Names of a folder's own page (`README`, `_index`): a note so named, with no title, is titled by its folder. */
  'folder-page-names': z.array(z.string().min(1)).default([]),
});

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Glossary = z.infer<typeof glossarySchema>;
export type JunkRules = z.infer<typeof junkRulesSchema>;
export type Actors = z.infer<typeof actorsSchema>;
export type Markup = z.infer<typeof markupSchema>;
export type PageModel = z.infer<typeof pageModelSchema>;
export type VersionNotes = z.infer<typeof versionNotesSchema>;
export type AsideKind = z.infer<typeof asideKind>;

/** content/version-notes.yaml */
export const versionNotesSchema = z.object({
  /** The Kubernetes version the facts were checked against, shown on the site. */
  'checked-against': z.string().regex(/^v\d+\.\d+$/, 'write it like v1.34'),
  /** The aside's name. */
  label: z.string().min(1).default('版本提示'),
  /** The aside's title: {label} and {version} (`checked-against`) are filled in. */
  title: z.string().includes('{version}', { message: 'write {version} where the Kubernetes version goes' }).default('{label}（对照 Kubernetes {version}）'),
  /** The words of the link to the official page. */
  'source-label': z.string().min(1).default('官方说明'),
  facts: z.array(
    z.object({
      /** A name for the fact (the report lists it). */
      id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case words joined by hyphens'),
      /** What a note writes when it relies on the old behaviour: whole terms, case-insensitive, code included. */
      terms: z.array(z.string().min(2)).min(1),
      /** The Kubernetes version of the change. */
      version: z.string().regex(/^v\d+\.\d+$/, 'write it like v1.25'),
      change: z.enum(['removed', 'deprecated', 'changed']),
      /** The aside's text, written for the handbook. */
      note: z.string().min(10),
      /** The official page that says so. */
      source: z.url(),
    }),
  ),
});

/** content/terms.yaml: the glossary. */
export const termsSchema = z
  .object({
    /** The glossary page's title. */
    title: z.string().min(1).default('术语表'),
    /** The glossary page's description. */
    description: z.string().min(1),
    /** The words of an entry's link to the official documentation. */
    'docs-label': z.string().min(1).default('官方文档'),
    /** The words before the list of pages that mention a term. */
    'pages-label': z.string().min(1).default('出现在'),
    /** Category slug → the name shown beside an entry. */
    categories: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(1)),
    /** Words that hold a term's Chinese name but mean something else (容忍范围, 镜像源): no mention of the term inside them is linked. */
    'not-terms': z.array(z.string().min(2)).default([]),
    terms: z.array(
      z
        .object({
          /** The entry's anchor on the glossary page. */
          id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case words joined by hyphens'),
          /** Chinese names, matched anywhere in the text. */
          zh: z.array(z.string().min(2)).default([]),
          /** English names: whole words, case-insensitive unless `match-case`. */
          en: z.array(z.string().min(2)).default([]),
          /** Abbreviations: whole words, exact case. */
          abbr: z.array(z.string().min(2)).default([]),
          /** English names match only in the case written (for everyday words such as Node). */
          'match-case': z.boolean().default(false),
          /** One of `categories`. */
          category: z.string(),
          /** One or two sentences, written for the handbook. */
          definition: z.string().min(8).max(160),
          /** The official documentation page. */
          docs: z.url({ protocol: /^https$/ }),
        })
        .refine((t) => t.zh.length + t.en.length > 0, { message: 'give the term a Chinese (zh) or an English (en) name' }),
    ),
  })
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    const names = new Map<string, string>();
    data.terms.forEach((term, i) => {
      if (ids.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `the id ${term.id} is used twice: give each term its own` });
      ids.add(term.id);
      if (!(term.category in data.categories)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'category'], message: `unknown category ${term.category}: use one of ${Object.keys(data.categories).join(', ')}` });
      for (const name of [...term.zh, ...term.en, ...term.abbr]) {
        const key = name.toLowerCase().replace(/[\s_-]+/g, '');
        const other = names.get(key);
        if (other && other !== term.id) ctx.addIssue({ code: 'custom', path: ['terms', i], message: `the name ${name} also names ${other}: a name belongs to one term` });
        names.set(key, term.id);
      }
    });
  });

export type Terms = z.infer<typeof termsSchema>;

/** content/search.yaml: how the search box reads a question, and its words. */
export const searchRulesSchema = z.object({
  /** Question words, particles and frames removed from a query (matched whole, longest first, outside known terms). */
  'stop-words': z.array(z.string().min(1)).default([]),
  /** Names that find one another, beyond the glossary's; a name also in the glossary joins the two. */
  synonyms: z.array(z.array(z.string().min(2)).min(2, 'a synonym group needs two names or more')).default([]),
  /** A misspelling as readers type it → the name it means (a name of the glossary or of a synonym group). */
  typos: z.record(z.string().min(2), z.string().min(2)).default({}),
  /** Every string the search box shows; {query}, {count} and {words} are filled in. */
  labels: z.object({
    button: z.string().min(1),
    shortcut: z.string().min(1),
    dialog: z.string().min(1),
    placeholder: z.string().min(1),
    close: z.string().min(1),
    clear: z.string().min(1),
    searching: z.string().includes('{query}', { message: 'write {query} where the query goes' }),
    count: z.string().includes('{count}', { message: 'write {count} where the number of results goes' }),
    none: z.string().includes('{query}', { message: 'write {query} where the query goes' }),
    'none-hint': z.string().min(1),
    partial: z.string().min(1),
    ignored: z.string().includes('{words}', { message: 'write {words} where the removed words go' }),
    expanded: z.string().includes('{words}', { message: 'write {words} where the other names go' }),
    more: z.string().min(1),
    results: z.string().min(1),
    unavailable: z.string().min(1),
  }),
});

export type SearchRules = z.infer<typeof searchRulesSchema>;

export interface Rules {
  taxonomy: Taxonomy;
  glossary: Glossary;
  junk: JunkRules;
  actors: Actors;
  markup: Markup;
  pageModel: PageModel;
  versionNotes: VersionNotes;
  terms: Terms;
  search: SearchRules;
  ui: UiStrings;
}
