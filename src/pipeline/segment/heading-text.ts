/** Numbering in front of a heading: `9.`, `0x04`, `6.1.1`, `四、`, `(3)`. */
const NUMBERING = /^\s*(?:0x[0-9a-f]+|\d+(?:\.\d+)*[.、．)）]?|[一二三四五六七八九十百]+[、.．]|[(（]\d+[)）])\s*/i;

/** A heading in its own wording, without its numbering (kept when nothing else is left). */
export function headingText(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  const stripped = text.replace(NUMBERING, '').trim();
  return stripped || text;
}

/** Does a heading ask something? (Interview notes: 简述…, 什么是…, …吗, a question mark.) */
export function isQuestion(heading: string): boolean {
  return /[?？]\s*$/.test(heading) || /^(简述|简要|简单|请|说说|说一下|谈谈|介绍|什么|如何|怎么|怎样|为什么|为何|哪些|what|how|why|when|which|explain|describe)/i.test(heading) || /(是什么|有哪些|的作用|的区别|的异同|的过程|的流程|吗)[。.]?$/.test(heading);
}
