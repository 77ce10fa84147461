import type { Root } from 'mdast';
import { visit } from '../tree/visit.ts';
import type { NoteFile } from '../types.ts';

/** Records every image a page keeps; images on other hosts are listed for the maintainer. */
export function collectImages(tree: Root, file: NoteFile): void {
  const images = (file.data.images ??= []);
  visit(tree, 'image', (node) => {
    const external = /^https?:\/\//i.test(node.url);
    images.push({ url: node.url, alt: node.alt ?? '', external });
  });
}
