import { parse } from 'yaml';

const SHELL_COMMANDS = new Set(
  'kubectl kubeadm kubelet helm docker podman crictl ctr etcdctl minikube kind sudo apt apt-get yum dnf systemctl journalctl curl wget git npm npx cd ls cat echo export mkdir rm cp mv chmod chown ln tar grep sed awk ip iptables ipvsadm ping tcpdump ss netstat ps top kill vi vim source openssl ssh scp'.split(' '),
);

function lines(code: string): string[] {
  return code.split('\n').map((l) => l.trim()).filter(Boolean);
}

function looksLikeShell(code: string): boolean {
  const all = lines(code);
  if (all.length === 0) return false;
  const commands = all.filter((l) => l.startsWith('$ ') || l.startsWith('#!') || SHELL_COMMANDS.has(l.split(/\s+/)[0] ?? ''));
  return commands.length / all.length >= 0.5;
}

function looksLikeYaml(code: string): boolean {
  const all = lines(code);
  const keyLines = all.filter((l) => /^(- )?[A-Za-z_][\w.-]*:(\s|$)/.test(l));
  if (keyLines.length < 2 || keyLines.length / all.length < 0.6) return false;
  try {
    const value: unknown = parse(code);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
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

/** The language a code block's content is written in: yaml, json, bash or text. */
export function detectCodeLanguage(code: string): 'yaml' | 'json' | 'bash' | 'text' {
  if (looksLikeJson(code)) return 'json';
  if (looksLikeYaml(code)) return 'yaml';
  if (looksLikeShell(code)) return 'bash';
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
      return looksLikeYaml(code);
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
