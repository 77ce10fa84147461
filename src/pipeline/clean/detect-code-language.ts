import { parseAllDocuments } from 'yaml';

function lines(code: string): string[] {
  return code.split('\n').map((l) => l.trim()).filter(Boolean);
}

function looksLikeShell(code: string, shellCommands: ReadonlySet<string>): boolean {
  const all = lines(code);
  if (all.length === 0) return false;
  const commands = all.filter((l) => l.startsWith('$ ') || l.startsWith('#!') || shellCommands.has(l.split(/\s+/)[0] ?? ''));
  return commands.length / all.length >= 0.5;
}

/** `key: value`, `- item`, `---`, a comment: the lines a YAML document is made of. */
export const YAML_KEY = /^(- )?[A-Za-z_][\w./-]*:(\s|$)/;
const YAML_LINE = /^(- |-$|---|\.\.\.|#|[A-Za-z_][\w./-]*:(\s|$)|["'][^"']+["']:\s)/;

/** Parses as YAML (every document of a multi-document stream) into mappings or lists. */
function parsesAsYaml(code: string): boolean {
  try {
    const docs = parseAllDocuments(code);
    if (!Array.isArray(docs) || docs.length === 0) return false;
    return docs.every((doc) => {
      if (doc.errors.length > 0) return false;
      const value: unknown = doc.contents === null ? {} : doc.toJS();
      return typeof value === 'object' && value !== null;
    });
  } catch {
    return false;
  }
}

/** A Kubernetes manifest or another YAML document: parses, and is made of keys and items. */
export function looksLikeYaml(code: string): boolean {
  return yamlShape(code) >= 0.8 && parsesAsYaml(code);
}

/** Share of lines shaped like YAML (0 when fewer than two `key:` lines). */
function yamlShape(code: string): number {
  const all = lines(code);
  if (all.filter((l) => YAML_KEY.test(l)).length < 2) return 0;
  return code.split('\n').filter((l) => l.trim() && (YAML_LINE.test(l.trim()) || /^\s+\S/.test(l))).length / all.length;
}

/** A terminal session: commands behind a prompt (`$ `, `[root@host dir]# `), with their output. */
function looksLikeConsole(code: string): boolean {
  const all = lines(code);
  const prompts = all.filter((l) => /^(\$ |\[[^\]]*@[^\]]*\][#$] ?|[\w.-]+@[\w.-]+:[^$#\s]*[#$] )/.test(l));
  return prompts.length >= 1 && prompts.length < all.length;
}

function looksLikeJson(code: string): boolean {
  const trimmed = code.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/** The language a code block's content is written in: yaml, json, console, bash or text. */
export function detectCodeLanguage(code: string, shellCommands: ReadonlySet<string>): 'yaml' | 'json' | 'console' | 'bash' | 'text' {
  if (looksLikeJson(code)) return 'json';
  if (looksLikeConsole(code)) return 'console';
  if (looksLikeYaml(code)) return 'yaml';
  if (looksLikeShell(code, shellCommands)) return 'bash';
  return 'text';
}

/** Does a block's declared language fit its content? Only languages we can check are checked. */
export function declaredLanguageFits(lang: string, code: string): boolean {
  switch (lang.toLowerCase()) {
    case 'css':
    case 'scss':
    case 'less':
      return /\{[^}]*:[^}]*\}/.test(code);
    case 'json':
      return looksLikeJson(code);
    case 'yaml':
    case 'yml':
      // The author said YAML: a terminal session, or text that neither parses nor is made of keys, contradicts it.
      // Shaped like YAML is enough, and cheap: only other text is parsed.
      return !looksLikeConsole(code) && (yamlShape(code) >= 0.6 || parsesAsYaml(code));
    case 'js':
    case 'javascript':
    case 'ts':
    case 'typescript':
    case 'java':
    case 'c':
    case 'cpp':
    case 'go':
      return /[{};()]/.test(code);
    default:
      return true;
  }
}
