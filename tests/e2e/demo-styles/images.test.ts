import { describe, expect, it } from 'vitest';
import { avatarSvg, demoImage, initialsOf, isAvatarUrl, learnAvatarNames, REACTION_COLOURS } from './images';

describe('demo images', () => {
  it('tells profile pictures from other images by the sites’ URL shapes', () => {
    expect(isAvatarUrl(new URL('https://pbs.twimg.com/profile_images/placeholder/quoter_avatar.jpg'))).toBe(true);
    expect(isAvatarUrl(new URL('https://media.licdn.com/dms/image/v2/D0/profile-displayphoto-shrink_100_100/0/1'))).toBe(true);
    expect(isAvatarUrl(new URL('https://engage.cloud.microsoft/api/v1/users/1488005/avatar/48x48'))).toBe(true);
    expect(isAvatarUrl(new URL('https://pbs.twimg.com/media/placeholder_image.jpg'))).toBe(false);
    expect(isAvatarUrl(new URL('https://engage.cloud.microsoft/api/v1/uploaded_files/1900002/preview/board.jpg'))).toBe(false);
  });

  it('draws initials of names learned from the captured markup, as escaped SVG text', () => {
    learnAvatarNames('<img alt="View Ada Lovelace’s profile" src="./Feed _ LinkedIn_files/1777">', 'https://www.linkedin.com/feed/');
    const url = new URL('https://www.linkedin.com/feed/Feed%20_%20LinkedIn_files/1777');
    expect(isAvatarUrl(url)).toBe(true);
    expect(avatarSvg(url)).toContain('>AL</text>');
    const user = Buffer.from(JSON.stringify({ _type: 'User', id: '42' })).toString('base64url');
    learnAvatarNames(`<a href="/main/users/${user}" class="fui-Link"><span class="fui-Text">Bo &lt;Bright&gt;</span></a>`, 'https://engage.cloud.microsoft/main/threads/x');
    expect(avatarSvg(new URL('https://engage.cloud.microsoft/api/v1/users/42/avatar/48x48'))).toMatch(/>B[A-Z]?<\/text>/);
  });

  it('initials: up to two letters, none for a name without letters', () => {
    expect(initialsOf('Member A')).toBe('MA');
    expect(initialsOf('élodie')).toBe('É');
    expect(initialsOf('Sam Rivera Jones')).toBe('SR');
    expect(initialsOf('1234')).toBeNull();
  });

  it('answers with SVG: a head-and-shoulders avatar when no name is known, a picture otherwise', () => {
    const avatar = demoImage(new URL('https://media.licdn.com/dms/image/v2/D0/profile-displayphoto-shrink_100_100/0/9'));
    expect(avatar.contentType).toBe('image/svg+xml');
    expect(avatar.body).toContain('<circle');
    expect(avatar.body).not.toContain('<text');
    const picture = demoImage(new URL('https://pbs.twimg.com/media/placeholder_image.jpg'));
    expect(picture.body).toContain('viewBox="0 0 1200 675"');
  });

  it('answers LinkedIn’s site icons (reactions) with a small round icon in the reaction’s colour, not a picture', () => {
    learnAvatarNames('<img class="reactions-icon" src="https://static.licdn.com/aero-v1/sc/h/cpho5fghnpme8epox8rdcds22" alt="love">', 'https://www.linkedin.com/feed/');
    const love = demoImage(new URL('https://static.licdn.com/aero-v1/sc/h/cpho5fghnpme8epox8rdcds22'));
    expect(love.contentType).toBe('image/svg+xml');
    expect(love.body).toContain('viewBox="0 0 24 24"');
    expect(love.body).toContain(`fill="${REACTION_COLOURS.love}"`);
    const unknown = demoImage(new URL('https://static.licdn.com/aero-v1/sc/h/unknownhash'));
    expect(unknown.body).toContain(`fill="${REACTION_COLOURS.like}"`);
    expect(unknown.body).not.toContain('1200');
  });
});
