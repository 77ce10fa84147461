import { describe, expect, it } from 'vitest';
import { rules } from '../helpers/rules.ts';
import { readHtml } from '../helpers/site.ts';

describe('version notes on the built site', () => {
  it('the PodSecurityPolicy page opens its part with a caution aside naming the version checked against, linking the official page', () => {
    const html = readHtml('security/pod-security-policy/index.html');
    const fact = rules.versionNotes.facts.find((f) => f.id === 'pod-security-policy');
    const title = `版本提示（对照 Kubernetes ${rules.versionNotes['checked-against']}）`;
    const aside = new RegExp(`<aside aria-label="${title.replace(/[()（）.]/g, '\\$&')}" class="starlight-aside starlight-aside--caution">[\\s\\S]*?</aside>`).exec(html)?.[0] ?? '';
    expect(aside).toContain(fact?.note ?? 'missing');
    expect(aside).toContain(`href="${fact?.source}"`);
    expect(html.match(/starlight-aside--caution/g)?.length).toBe(1);
  });
});
