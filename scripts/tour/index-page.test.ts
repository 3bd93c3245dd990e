import { describe, expect, it } from 'vitest';
import { escapeHtml, tourIndexHtml } from './index-page';
import type { Shot } from './recorder';

const shot = (file: string, caption: string, scheme: Shot['scheme'] = 'light'): Shot => ({ file, path: `/abs/demo-output/${file}`, caption, scheme });

describe('demo-output/index.html', () => {
  it('shows every screenshot by its relative path, with its caption as escaped text', () => {
    const html = tourIndexHtml(
      [shot('01-feed.png', 'The feed'), shot('02-team.png', 'Team "L&D Guild 🎓" <script>alert(1)</script>'), shot('02-team-dark.png', 'Team (dark)', 'dark')],
      [],
    );
    expect(html.match(/<figure /g)).toHaveLength(3);
    expect(html).toContain('<img src="01-feed.png"');
    expect(html).not.toContain('/abs/');
    expect(html).toContain('<figcaption>Team &quot;L&amp;D Guild 🎓&quot; &lt;script&gt;alert(1)&lt;/script&gt;</figcaption>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<figure class="dark">');
    expect(html).not.toContain('role="alert"');
  });

  it('names the failed steps at the top', () => {
    const html = tourIndexHtml([shot('01-feed.png', 'The feed')], ['digest: the team digest', 'page <errors>']);
    expect(html).toContain('<p class="failed" role="alert">2 step(s) failed: digest: the team digest; page &lt;errors&gt;</p>');
  });

  it('escapes every character that matters in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps file names with spaces working as relative URLs', () => {
    expect(tourIndexHtml([shot('01 my shot.png', 'x')], [])).toContain('src="01%20my%20shot.png"');
  });
});
