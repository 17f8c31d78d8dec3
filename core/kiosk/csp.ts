/**
 * The page's Content Security Policy: everything from the app itself, nothing from anywhere
 * else. The Electron protocol handler sends it as a header; the build also puts it in
 * index.html, where `frame-ancestors` is not allowed (browsers ignore it there, with a warning).
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The audio guidance's clips, shipped with the app (docs/accessibility.md).
  "media-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(
  (d) => !d.startsWith('frame-ancestors'),
).join('; ');
