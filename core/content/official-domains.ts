/**
 * The only sites the kiosk may name as links: official services and the leaflet's authors.
 * A subdomain of a listed domain counts (dialog.egov.kz); a look-alike does not (egov.kz.example).
 * Extending this list is a reviewed code change on purpose, not a content edit.
 */
export const OFFICIAL_DOMAINS: readonly string[] = [
  'egov.kz',
  'pki.gov.kz',
  'eotinish.kz',
  'qamqor.gov.kz',
  '1cb.kz',
  'fingramota.kz',
  'citizensec.kz',
];

export function isOfficialHost(host: string): boolean {
  const h = host.toLowerCase();
  return OFFICIAL_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

/** True for an https URL on an official domain, with no credentials and no port. */
export function isOfficialUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    isOfficialHost(parsed.hostname)
  );
}

/** The link as the visitor should read and type it: host and path, no scheme, no trailing slash. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
  return `${parsed.hostname}${path}${parsed.search}`;
}
