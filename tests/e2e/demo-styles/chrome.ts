/**
 * The sites' chrome around the captured posts of the demo pages: top bars, navigation and side
 * cards, so a page reads like the site (styled by ./linkedin.css and ./x.css). Static markup only;
 * none of it is a post, and none of the captured post markup passes through here.
 */

/** Outline icons, 24×24, drawn with a few shapes (no site artwork is copied). */
const ICONS = {
  home: '<path d="M12 3 3 10v11h6v-6h6v6h6V10z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  people: '<circle cx="9" cy="8" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M2.5 20c.6-4 3.2-6 6.5-6s5.9 2 6.5 6M15.5 5.5a3.5 3.5 0 0 1 0 6M18 14c2 .6 3.2 2.6 3.5 6" fill="none" stroke="currentColor" stroke-width="2"/>',
  jobs: '<rect x="3" y="7" width="18" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M9 7V4h6v3" fill="none" stroke="currentColor" stroke-width="2"/>',
  chat: '<path d="M4 5h16v11H9l-5 4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  bell: '<path d="M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  search: '<circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="2"/>',
  bookmark: '<path d="M6 3h12v18l-6-5-6 5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  person: '<circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4 21c.8-4.5 4-7 8-7s7.2 2.5 8 7" fill="none" stroke="currentColor" stroke-width="2"/>',
} as const;

function icon(name: keyof typeof ICONS): string {
  return `<svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[name]}</svg>`;
}

/**
 * LinkedIn's global navigation: `header#global-nav`, fixed at the top, 52 px high (linkedin.css).
 * Tests measure the in-page save panel against it.
 */
export function linkedinTopBar(): string {
  const items: Array<[keyof typeof ICONS, string]> = [['home', 'Home'], ['people', 'My Network'], ['jobs', 'Jobs'], ['chat', 'Messaging'], ['bell', 'Notifications']];
  return `<header id="global-nav" class="global-nav" aria-label="Global navigation"><div class="global-nav__content">
<span class="satchel-li-logo" aria-hidden="true">in</span><span class="satchel-li-search">${icon('search')}&nbsp;Search</span>
<nav aria-label="Primary"><ul class="global-nav__primary-items">${items
    .map(([i, label], n) => `<li><a href="/feed/"${n === 0 ? ' aria-current="page"' : ''}>${icon(i)}<span>${label}</span></a></li>`)
    .join('')}<li><a href="/feed/"><span class="satchel-li-me" aria-hidden="true">DL</span><span>Me</span></a></li></ul></nav></div></header>`;
}

/** LinkedIn's left column: the reader's profile card. */
export function linkedinLeftCard(): string {
  return `<aside class="satchel-li-side" aria-label="Your profile"><div class="satchel-li-cover"></div><div class="satchel-li-avatar" aria-hidden="true">DL</div>
<h2>Demo Learner</h2><p>Learning designer · L&amp;D Guild</p><ul><li>Profile viewers <b>12</b></li><li>Saved items</li><li>Groups</li></ul></aside>`;
}

/** LinkedIn's right column: a news card. */
export function linkedinRightCard(): string {
  return `<aside class="satchel-li-side satchel-li-news" aria-label="LinkedIn News"><h2>LinkedIn News</h2>
<p><b>Skills-based hiring keeps growing</b>2h ago · 1,204 readers</p><p><b>What learning teams try in 2027</b>5h ago · 876 readers</p><p><b>Short videos for onboarding</b>1d ago · 512 readers</p></aside>`;
}

/** X's left column: `header[role=banner]` with the primary navigation (`nav` keeps the Home link tests use; the others lead home too: the demo has no other pages). */
export function xBanner(): string {
  const links: Array<[keyof typeof ICONS, string, string]> = [
    ['search', 'Explore', '/home'], ['bell', 'Notifications', '/home'], ['chat', 'Messages', '/home'], ['bookmark', 'Bookmarks', '/home'], ['person', 'Profile', '/home'],
  ];
  return `<header role="banner"><nav role="navigation" aria-label="Primary"><span class="satchel-x-logo" aria-hidden="true">𝕏</span>
<a href="/home" data-testid="AppTabBar_Home_Link" aria-label="Home" aria-current="page">${icon('home')}<span>Home</span></a>
${links.map(([i, label, href]) => `<a href="${href}" aria-label="${label}">${icon(i)}<span>${label}</span></a>`).join('\n')}
<span class="satchel-x-post" aria-hidden="true">Post</span></nav></header>`;
}

/** X's right column: search and "What's happening". */
export function xSideColumn(): string {
  return `<aside class="satchel-x-side" aria-label="Trends"><div class="satchel-x-search">Search</div>
<div class="satchel-x-box"><h2>What’s happening</h2><p><b>#LearningAtWork</b>2,318 posts</p><p><b>Onboarding</b>Trending in Business</p><p><b>#JobAids</b>914 posts</p></div></aside>`;
}
