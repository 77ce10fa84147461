import type { Actors } from '../rules/schemas.ts';
import type { Mention } from './actors.ts';
import { textWidth } from '../text/line-patterns.ts';

/** What one step states: who does it (its subject) and, when it says so, whom it sends to. */
export interface Statement {
  /** The actor the step's first clause is about, when the text names it as the doer. */
  subject?: Mention;
  message?: { from: string; to: string };
}

type Words = Actors['messages'];

const CLAUSE_END = /[，,；;、]/;

const endsWithAny = (text: string, words: string[]) => words.some((w) => text.toLowerCase().endsWith(w.toLowerCase()));
const startsWithAny = (text: string, words: string[]) => words.some((w) => text.toLowerCase().startsWith(w.toLowerCase()));
const indexOfAny = (text: string, words: string[], from = 0): { at: number; word: string } | undefined => {
  let best: { at: number; word: string } | undefined;
  const lower = text.toLowerCase();
  for (const word of words) {
    const at = lower.indexOf(word.toLowerCase(), from);
    if (at >= 0 && (!best || at < best.at || (at === best.at && word.length > best.word.length))) best = { at, word };
  }
  return best;
};

/** Clauses of a sentence as [start, end) ranges. */
function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_END.test(text[i] ?? '')) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/**
 * The clause's subject: the first actor named before any verb of sending or receiving, not
 * right after a word that makes it an object or an example (`如调度器`, `与 kube-proxy`), with
 * only a short lead before it (`节点上的 kubelet`, `用户通过 kubectl`).
 */
function subjectOf(text: string, start: number, end: number, mentions: Mention[], words: Words): Mention | undefined {
  const verbs = [...words.send, ...words['towards-verbs'], ...words.receive];
  for (const m of mentions) {
    if (m.start < start || m.end > end) continue;
    const lead = text.slice(start, m.start).trim();
    if (textWidth(lead) > words['max-gap'] + 8 || /[（(「“"]/.test(lead) || indexOfAny(lead, verbs)) return undefined;
    if (endsWithAny(lead, words.instrument)) return m;
    if (endsWithAny(lead, words['not-subject-after'])) return undefined;
    return m;
  }
  return undefined;
}

/** An actor in `[from, end)` starting at most `gap` characters after `from`, not the subject, with no clause break before it. */
function actorAfter(text: string, from: number, end: number, mentions: Mention[], subject: Mention, gap: number): Mention | undefined {
  const next = mentions.find((m) => m.start >= from && m.end <= end && m.id !== subject.id);
  if (!next || textWidth(text.slice(from, next.start)) > gap || /[。！？!?：:]/.test(text.slice(from, next.start))) return undefined;
  return next;
}

/** The message a clause states, given its subject: the first pattern that names the other actor. */
function messageIn(text: string, start: number, end: number, subject: Mention, mentions: Mention[], words: Words): Statement['message'] {
  const gap = words['max-gap'];
  const after = Math.max(start, subject.end);
  const found: { at: number; message: { from: string; to: string } }[] = [];
  const rest = (m: Mention) => text.slice(m.end, end);
  for (const m of mentions) {
    if (m.start < after || m.end > end || m.id === subject.id) continue;
    const before = text.slice(Math.max(after, m.start - 6), m.start).trim();
    // A 向 B 发送 / A 通过 B 写入 C / B 从 A 获取
    if (endsWithAny(before, words.towards) && indexOfAny(rest(m), words['towards-verbs'])) found.push({ at: m.start, message: { from: subject.id, to: m.id } });
    else if (endsWithAny(before, words.via)) found.push({ at: m.start, message: { from: subject.id, to: m.id } });
    else if (endsWithAny(before, words.from) && indexOfAny(rest(m), words.receive)) found.push({ at: m.start, message: { from: m.id, to: subject.id } });
  }
  /** The first actor within reach after one of `verbs`, from the subject on. */
  const afterVerb = (verbs: string[]): Mention | undefined => {
    for (let at = after, verb = indexOfAny(text.slice(0, end), verbs, at); verb; verb = indexOfAny(text.slice(0, end), verbs, at)) {
      at = verb.at + verb.word.length;
      const actor = actorAfter(text, at, end, mentions, subject, gap);
      if (actor) return actor;
    }
    return undefined;
  };
  // A 调用 B / A 将 X 写入 B
  const to = afterVerb(words.send);
  if (to) found.push({ at: to.start, message: { from: subject.id, to: to.id } });
  // B 接收 A 的… / B 监听 A
  const sender = afterVerb(words.receive);
  if (sender) found.push({ at: sender.start, message: { from: sender.id, to: subject.id } });
  return found.sort((a, b) => a.at - b.at)[0]?.message;
}

/**
 * Reads one step (a single sentence): its subject, and the message it states when it names both
 * the sender and the receiver. A clause without a subject of its own shares its sentence's only
 * when it opens with a word that carries it (`并`, `然后`, `它`): nothing is guessed across steps.
 */
export function readStatement(text: string, mentions: Mention[], words: Words, firstClauseOnly = false): Statement {
  const parts = firstClauseOnly ? clauses(text).slice(0, 1) : clauses(text);
  let subject: Mention | undefined;
  for (const [index, [start, end]] of parts.entries()) {
    const own = subjectOf(text, start, end, mentions, words);
    const carried = !own && index > 0 && subject && startsWithAny(text.slice(start, end).trim(), words['carry-subject']) ? subject : undefined;
    if (index === 0) subject = own;
    const doer = own ?? carried;
    if (!doer) continue;
    const message = messageIn(text, start, end, doer, mentions, words);
    if (message) return subject ? { subject, message } : { message };
  }
  return subject ? { subject } : {};
}
