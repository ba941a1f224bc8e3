import type { Lang } from '@parkbridge/domain/shared';

/** Everything an email says, in words already filled in; the layout only arranges and escapes it. */
export interface EmailContent {
  lang: Lang;
  subject: string;
  greeting: string | null;
  paragraphs: string[];
  action: { label: string; url: string; hint: string } | null;
  /** A digest's lines, each with its link. */
  lines: { text: string; url: string | null }[];
  footer: { why: string | null; links: { label: string; url: string }[]; signature: string };
}

const RTL: readonly Lang[] = ['fa'];

/** Text into HTML: every value a person typed (a need's title, a reason, a name) passes through here. */
export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const FONTS: Record<Lang, string> = {
  en: "-apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  fa: "Vazirmatn, Tahoma, 'Segoe UI', Arial, sans-serif",
  mn: "-apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  vi: "-apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  zh: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
};

/**
 * The HTML part: tables and inline styles (what mail clients render alike), the language and
 * direction on the root so Persian reads right to left, and no script, image or remote resource.
 */
export function renderHtml(c: EmailContent): string {
  const dir = RTL.includes(c.lang) ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const e = escapeHtml;
  const p = (text: string, style = '') =>
    `<p style="margin:0 0 14px;font-size:15px;line-height:1.6;color:#1f2933;${style}">${e(text)}</p>`;
  const button = c.action
    ? `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:8px 0 16px"><tr><td style="border-radius:6px;background:#0b7285"><a href="${e(c.action.url)}" style="display:inline-block;padding:11px 20px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none">${e(c.action.label)}</a></td></tr></table>` +
      p(`${c.action.hint} ${c.action.url}`, 'font-size:12px;color:#52606d;word-break:break-all')
    : '';
  const lines = c.lines.length
    ? `<ul style="margin:0 0 16px;padding-${align}:20px;padding-${dir === 'rtl' ? 'left' : 'right'}:0">${c.lines
        .map(
          (l) =>
            `<li style="margin:0 0 8px;font-size:15px;line-height:1.5;color:#1f2933">${
              l.url ? `<a href="${e(l.url)}" style="color:#0b7285">${e(l.text)}</a>` : e(l.text)
            }</li>`,
        )
        .join('')}</ul>`
    : '';
  const footerLinks = c.footer.links
    .map((l) => `<a href="${e(l.url)}" style="color:#52606d">${e(l.label)}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="${c.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(c.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f0f4f8;font-family:${FONTS[c.lang]}">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" dir="${dir}" style="background:#f0f4f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" dir="${dir}" style="max-width:600px;background:#ffffff;border-radius:8px;text-align:${align}">
<tr><td style="padding:18px 28px;border-bottom:3px solid #0b7285;font-size:18px;font-weight:700;color:#0b7285">Parkbridge</td></tr>
<tr><td style="padding:24px 28px 8px">
${c.greeting ? p(c.greeting) : ''}${c.paragraphs.map((t) => p(t)).join('')}${lines}${button}
</td></tr>
<tr><td style="padding:16px 28px 22px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.6;color:#52606d">
${c.footer.why ? `${e(c.footer.why)}<br>` : ''}${footerLinks ? `${footerLinks}<br>` : ''}${e(c.footer.signature)}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
}

/** The plain-text part, always sent beside the HTML: the same words, links written out. */
export function renderText(c: EmailContent): string {
  const out: string[] = [];
  if (c.greeting) out.push(c.greeting, '');
  for (const t of c.paragraphs) out.push(t, '');
  for (const l of c.lines) out.push(`- ${l.text}${l.url ? `\n  ${l.url}` : ''}`);
  if (c.lines.length) out.push('');
  if (c.action) out.push(`${c.action.label}: ${c.action.url}`, '');
  out.push('--');
  if (c.footer.why) out.push(c.footer.why);
  for (const l of c.footer.links) out.push(`${l.label}: ${l.url}`);
  out.push(c.footer.signature, '');
  return out.join('\n');
}
