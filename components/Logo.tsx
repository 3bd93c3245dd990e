/** Props of {@link Logo}. */
export interface LogoProps {
  /** Width and height in CSS px (default 24). */
  size?: number;
  /** Accessible name ("Satchel"); without it the mark is decorative (`aria-hidden`), for use beside the word. */
  label?: string;
  class?: string;
}

/**
 * The Satchel mark (the same drawing as public/icon/satchel*.svg) inline, coloured by the theme
 * tokens of components/theme.css: `--accent` body, a darker flap, a `--bg` buckle. So it follows the
 * page's light or dark theme. For page headers, next to the product name.
 */
export function Logo({ size = 24, label, class: cls }: LogoProps) {
  return (
    <svg
      class={cls ? `logo ${cls}` : 'logo'}
      width={size}
      height={size}
      viewBox="0 0 32 32"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      focusable="false"
    >
      <path d="M10.5 11V8a3 3 0 0 1 3-3h5a3 3 0 0 1 3 3v3" fill="none" stroke="var(--accent)" stroke-width="2.6" stroke-linejoin="round" />
      <rect x="2" y="10" width="28" height="19" rx="4.5" fill="var(--accent)" />
      <path d="M2 14.5a4.5 4.5 0 0 1 4.5-4.5h19a4.5 4.5 0 0 1 4.5 4.5v3q-14 7-28 0z" fill="#000" fill-opacity="0.28" />
      <rect x="13.5" y="17" width="5" height="7" rx="1.5" fill="var(--bg)" />
    </svg>
  );
}
