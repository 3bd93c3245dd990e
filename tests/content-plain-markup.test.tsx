// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { render } from 'preact';
import { SaveButton } from '../components/SaveButton';
import { plainSaveMarkup } from '../entrypoints/content/save-button-ui';

const t = (k: string) => ({ saveButtonSave: 'Save to Satchel', saveButtonTextSave: 'Save' })[k] ?? k;

/** Serialises a tree with sorted attributes so attribute order does not matter. */
function canon(n: Node): string {
  if (n.nodeType === 3) return n.textContent ?? '';
  if (n.nodeType !== 1) return '';
  const el = n as Element;
  const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
  return `<${el.localName} ${attrs}>${[...el.childNodes].map(canon).join('')}</${el.localName}>`;
}

describe('content control first paint', () => {
  it('the static "save" markup equals what <SaveButton status="save"> renders in the control wrapper', () => {
    const viaPreact = document.createElement('div');
    render(
      <span class="satchel">
        <SaveButton status="save" expanded={false} onActivate={() => {}} t={t} />
      </span>,
      viaPreact,
    );
    const plain = document.createElement('div');
    plain.append(plainSaveMarkup(document, t).cloneNode(true));
    expect(canon(plain)).toBe(canon(viaPreact));
    expect(plain.querySelector('button')?.getAttribute('aria-label')).toBe('Save to Satchel');
  });

  it('escapes translated strings in the static markup', () => {
    const frag = plainSaveMarkup(document, () => 'a"<b>&');
    const b = frag.querySelector('button')!;
    expect(b.getAttribute('aria-label')).toBe('a"<b>&');
    expect(frag.querySelector('b')).toBeNull();
  });
});
