import type { Root } from 'mdast';
import type { Rules } from '../rules/schemas.ts';
import type { NoteFile } from '../types.ts';
import { collectImages } from './collect-images.ts';
import { dropCodeLineNumbers } from './code-line-numbers.ts';
import { convertForeignMarkup } from './convert-foreign-markup.ts';
import { convertWikiMarkup } from './convert-wiki-markup.ts';
import { dropAttributeLists } from './drop-attribute-lists.ts';
import { dropHeaderProperties } from './drop-header-properties.ts';
import { dropEmpty } from './drop-empty.ts';
import { dropJunkLines, dropTablesOfContents } from './drop-junk-blocks.ts';
import { dropRecommendationTails } from './drop-recommendation-tails.ts';
import { fixCodeLanguages } from './fix-code-languages.ts';
import { fixTerms } from './fix-terms.ts';
import { neutralizeHtml } from './neutralize-html.ts';
import { neutralizeLinks } from './neutralize-links.ts';
import { promoteBoldQuestions } from './promote-bold-questions.ts';
import { resolveReferences } from './resolve-references.ts';
import { spaceLessHeadings } from './space-less-headings.ts';
import { splitLineParagraphs } from './split-line-paragraphs.ts';
import { tabTables } from './tab-tables.ts';
import { trimInlineWhitespace } from './trim-inline-whitespace.ts';
import { unwrapOutline } from './unwrap-outline.ts';
import { unwrapSearchLinks } from './unwrap-search-links.ts';
import { linkWebAddresses } from './web-addresses.ts';
import { emojiShortcodes } from './emoji-shortcodes.ts';
import { wrapLoosePhrasing } from '../tree/wrap-loose-phrasing.ts';

export { dropRepeats } from './drop-repeats.ts';

/** Note-level cleaning, in order. Repeats are dropped per section, after segmenting. */
export function clean(tree: Root, file: NoteFile, rules: Rules): Root {
  resolveReferences(tree, file);
  convertForeignMarkup(tree, file, rules.markup);
  convertWikiMarkup(tree, file);
  dropHeaderProperties(tree, file, rules.junk['front-matter']['header-properties']);
  neutralizeHtml(tree, file);
  wrapLoosePhrasing(tree);
  unwrapOutline(tree, file);
  spaceLessHeadings(tree, file, rules.markup['plain-text']['max-heading'], new RegExp(rules.markup['plain-text']['sentence-end'], 'u'));
  promoteBoldQuestions(tree, file, rules.pageModel);
  dropAttributeLists(tree, file);
  dropRecommendationTails(tree, file, rules.junk);
  dropTablesOfContents(tree, file, rules.junk);
  unwrapSearchLinks(tree, file, rules.junk);
  neutralizeLinks(tree, file);
  linkWebAddresses(tree, file);
  emojiShortcodes(tree, file);
  fixTerms(tree, file, rules.glossary);
  trimInlineWhitespace(tree);
  tabTables(tree);
  splitLineParagraphs(tree);
  dropJunkLines(tree, file, rules.junk);
  dropCodeLineNumbers(tree, file);
  fixCodeLanguages(tree, file, rules.markup['shell-commands']);
  dropEmpty(tree);
  collectImages(tree, file);
  return tree;
}
