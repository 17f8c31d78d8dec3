/*
 * `npm run security`: Doyensec Electronegativity over the main-process sources (electron/) and
 * the built app (out/), offline. Every HIGH or MEDIUM finding must be explained in
 * scripts/security-reviewed.json (and docs/security.md); an unexplained one, or an explanation
 * that no longer matches any finding, fails the run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
/** The one check that needs the internet: it downloads Electron's release list. */
export const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const SCANNED = ['electron', 'out'];

export interface Finding {
  readonly check: string;
  readonly severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  readonly file: string;
  readonly line: number;
  readonly description: string;
}

export interface Review {
  readonly check: string;
  readonly file: string;
  readonly reason: string;
}

export interface Assessment {
  readonly explained: { finding: Finding; review: Review }[];
  readonly unexplained: Finding[];
  readonly minor: Finding[];
  readonly stale: Review[];
}

const SERIOUS = new Set(['MEDIUM', 'HIGH']);

/** Sorts findings into explained, unexplained and minor, and finds reviews that match nothing. */
export function assess(findings: readonly Finding[], reviews: readonly Review[]): Assessment {
  const used = new Set<Review>();
  const explained: Assessment['explained'] = [];
  const unexplained: Finding[] = [];
  const minor: Finding[] = [];
  for (const f of findings) {
    if (!SERIOUS.has(f.severity)) {
      minor.push(f);
      continue;
    }
    const review = reviews.find((r) => r.check === f.check && r.file === f.file);
    if (review) {
      used.add(review);
      explained.push({ finding: f, review });
    } else unexplained.push(f);
  }
  return { explained, unexplained, minor, stale: reviews.filter((r) => !used.has(r)) };
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  description: string;
  severity: { name?: string; format(): string };
}

/** Runs Electronegativity over one folder; paths in the findings are relative to the project. */
export async function scan(dir: string, electronVersion: string): Promise<Finding[]> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as (o: object) => Promise<{
    issues: RawIssue[];
    errors: { file: string; message: string; tolerable: boolean }[];
  }>;
  const result = await run({
    input: resolve(ROOT, dir),
    isRelative: false,
    excludeFromScan: ONLINE_CHECKS,
    electronVersionOverride: electronVersion,
  });
  const fatal = result.errors.filter((e) => !e.tolerable);
  if (fatal.length > 0) {
    throw new Error(
      `Electronegativity could not parse: ${fatal.map((e) => `${e.file}: ${e.message}`).join('; ')}`,
    );
  }
  return result.issues.map((i) => ({
    check: i.id,
    severity: stripVTControlCharacters(i.severity.format()).trim() as Finding['severity'],
    file: i.file === 'N/A' ? dir : relative(ROOT, i.file),
    line: i.location.line,
    description: i.description,
  }));
}

async function main(): Promise<number> {
  const electronVersion = (
    JSON.parse(readFileSync(resolve(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const reviews = JSON.parse(
    readFileSync(resolve(ROOT, 'scripts/security-reviewed.json'), 'utf8'),
  ) as Review[];
  const findings: Finding[] = [];
  for (const dir of SCANNED) findings.push(...(await scan(dir, electronVersion)));
  const a = assess(findings, reviews);
  console.log(
    `\nElectronegativity over ${SCANNED.join(' and ')} (Electron ${electronVersion}; skipped, needs the internet: ${ONLINE_CHECKS.join(', ')})`,
  );
  for (const { finding: f, review } of a.explained)
    console.log(
      `  explained  ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.line}\n             ${review.reason}`,
    );
  for (const f of a.minor)
    console.log(`  minor      ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.line}`);
  for (const f of a.unexplained)
    console.log(`  UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.line}: ${f.description}`);
  for (const r of a.stale) console.log(`  STALE review, matches no finding: ${r.check} ${r.file}`);
  const failed = a.unexplained.length > 0 || a.stale.length > 0;
  console.log(
    failed
      ? '\nsecurity: FAILED (explain each finding in scripts/security-reviewed.json and docs/security.md, or fix it)'
      : `\nsecurity: ok, ${a.explained.length} finding(s) explained, ${a.minor.length} minor`,
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main();
}
