import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../../core/content/model';
import type { ContentFile } from '../../../core/content/validate';
import {
  checkPack,
  refusalText,
  type PackCheck,
  type PackManifest,
  type PackRefusal,
} from '../../../core/content/pack';
import { readJsonFile, writeFileAtomic } from '../data-file';
import { packContentHash } from '../diagnostics/file-hashes';
import type { LogFn } from '../log';
import {
  readFolderSource,
  readUrlSource,
  unavailable,
  type Fetcher,
  type SourceResult,
} from './sources';

/*
 * The kiosk's content packs (docs/content-packs.md). A pack found by a poll is checked in full
 * and held as pending; it becomes active only when the page says it is on the attract screen,
 * between visits. The active pack and the one before it are kept in main's data folder as
 * `content-packs/active.pack` and `previous.pack`, each replaced atomically (writeFileAtomic):
 * a power cut leaves the old pack or the new one, never a mix. Staff roll back with one touch to
 * the previous pack, or to the content bundled with the app, which is the floor.
 */

export const PACKS_DIR_NAME = 'content-packs';
export const ACTIVE_FILE = 'active.pack';
export const PREVIOUS_FILE = 'previous.pack';
/** The version staff rolled back from: a poll takes only packs newer than it. */
export const ROLLED_BACK_FILE = 'rolled-back.json';

export interface PackSummary {
  readonly id: string;
  readonly version: number;
  readonly checkedAsOf: string;
}

export interface PackRefusalRecord extends PackRefusal {
  readonly at: string;
  /** Where the pack came from: a file name, a URL or `active.pack`. */
  readonly source: string;
}

/** What the staff screen shows about packs. */
export interface ContentPackStatus {
  readonly active: PackSummary | null;
  readonly previous: PackSummary | null;
  readonly pending: PackSummary | null;
  readonly lastCheckAt: string | null;
  /** The newest refusal or source problem, or null after a check that found nothing wrong. */
  readonly lastProblem: PackRefusalRecord | null;
}

export interface ActivePackInfo {
  readonly checkedAsOf: string;
  readonly version: number;
  /** The content's tree hash, the same as `npm run hashes` gives for the folder it was built from. */
  readonly sha256: string;
}

export interface ContentPackSources {
  readonly folder?: string;
  readonly url?: string;
}

export interface ContentPackDeps {
  readonly dataDir: string;
  readonly trustedKeys: readonly string[];
  readonly bundledCheckedAsOf: string;
  readonly appVersion: string;
  readonly sources: ContentPackSources;
  readonly fetcher?: Fetcher;
  readonly urlTimeoutMs?: number;
  readonly maxBytes?: number;
  readonly log: LogFn;
  readonly now?: () => Date;
}

interface Held {
  readonly text: string;
  readonly manifest: PackManifest;
  readonly content: Content;
  readonly files: readonly ContentFile[];
  readonly audio: Readonly<Record<string, string>>;
}

const summary = (m: PackManifest): PackSummary => ({
  id: m.id,
  version: m.version,
  checkedAsOf: m.checkedAsOf,
});

export class ContentPackManager {
  private active: Held | null = null;
  private previous: Held | null = null;
  private pending: Held | null = null;
  private lastCheckAt: string | null = null;
  private lastProblem: PackRefusalRecord | null = null;
  private rolledBackFrom = 0;
  private polling: Promise<ContentPackStatus> | null = null;
  private readonly dir: string;

  constructor(private readonly deps: ContentPackDeps) {
    this.dir = join(deps.dataDir, PACKS_DIR_NAME);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private check(text: string, activeVersion: number, allowOlder = false): Promise<PackCheck> {
    return checkPack(text, {
      trustedKeys: this.deps.trustedKeys,
      activeVersion,
      bundledCheckedAsOf: this.deps.bundledCheckedAsOf,
      appVersion: this.deps.appVersion,
      allowOlder,
      maxBytes: this.deps.maxBytes,
    });
  }

  private refused(source: string, refusal: PackRefusal): void {
    this.lastProblem = { ...refusal, source, at: this.now().toISOString() };
    this.deps.log(`content pack: ${source} refused: ${refusalText(refusal)}; current content kept`);
  }

  private async readKept(file: string): Promise<Held | null> {
    let text: string;
    try {
      text = fs.readFileSync(join(this.dir, file), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.refused(file, { code: 'damaged', message: (err as Error).message });
      return null;
    }
    // Kept packs are checked again: the trusted keys or the app may have changed since.
    const result = await this.check(text, 0, true);
    if (!result.ok) {
      this.refused(file, result.refusal);
      return null;
    }
    return { text, ...result.pack };
  }

  /** At start: the kept active and previous packs, each checked again. */
  async load(): Promise<void> {
    this.active = await this.readKept(ACTIVE_FILE);
    this.previous = await this.readKept(PREVIOUS_FILE);
    const rolled = readJsonFile(join(this.dir, ROLLED_BACK_FILE));
    if (rolled.kind === 'ok' && typeof (rolled.raw as { version?: unknown }).version === 'number')
      this.rolledBackFrom = (rolled.raw as { version: number }).version;
    if (this.active)
      this.deps.log(
        `content pack: active ${this.active.manifest.id} v${this.active.manifest.version}, checked as of ${this.active.manifest.checkedAsOf}`,
      );
  }

  /** The content the page should use: the active pack's, or null for the bundled content. */
  activeContent(): Content | null {
    return this.active?.content ?? null;
  }

  /** The active pack's audio clips (pack-audio.ts serves them); null for the bundled content. */
  activeAudio(): Readonly<Record<string, string>> | null {
    return this.active?.audio ?? null;
  }

  /** The active pack's files, for the page to validate again; null for the bundled content. */
  activeFiles(): readonly ContentFile[] | null {
    return this.active?.files ?? null;
  }

  /** The active pack's checked-as-of date, version and content hash (as `npm run hashes`). */
  activeInfo(): ActivePackInfo | null {
    if (!this.active) return null;
    const { checkedAsOf, version, files } = this.active.manifest;
    return { checkedAsOf, version, sha256: packContentHash(files).sha256 };
  }

  status(): ContentPackStatus {
    return {
      active: this.active && summary(this.active.manifest),
      previous: this.previous && summary(this.previous.manifest),
      pending: this.pending && summary(this.pending.manifest),
      lastCheckAt: this.lastCheckAt,
      lastProblem: this.lastProblem,
    };
  }

  /**
   * Polls the sources (daily, and when staff ask) and holds the newest pack that passes every
   * check as pending. A refused pack is logged and shown; the content in use keeps serving.
   */
  poll(): Promise<ContentPackStatus> {
    // A staff request during the daily poll waits for that poll rather than starting another.
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async pollOnce(): Promise<ContentPackStatus> {
    this.lastCheckAt = this.now().toISOString();
    this.lastProblem = null;
    // Each source's answer, with where it came from: the folder, or the URL.
    const results: [string, SourceResult][] = [];
    const { folder, url } = this.deps.sources;
    if (folder) results.push([folder, readFolderSource(folder, this.deps.maxBytes)]);
    if (url) {
      if (!this.deps.fetcher) results.push([url, unavailable(url, 'no way to download')]);
      else
        results.push([
          url,
          await readUrlSource(url, {
            fetcher: this.deps.fetcher,
            timeoutMs: this.deps.urlTimeoutMs,
            maxBytes: this.deps.maxBytes,
          }),
        ]);
    }
    const floor = Math.max(
      this.active?.manifest.version ?? 0,
      this.pending?.manifest.version ?? 0,
      this.rolledBackFrom,
    );
    let best: Held | null = null;
    for (const [source, r] of results) {
      if (!r.ok) {
        this.lastProblem = {
          code: 'source-unavailable',
          // The record has the URL or folder as `source`, so its message is the problem alone.
          message: r.problem,
          source,
          at: this.lastCheckAt,
        };
        this.deps.log(`content pack: source unavailable: ${r.reason}`);
        continue;
      }
      for (const p of r.packs) {
        const result = await this.check(p.text, Math.max(floor, best?.manifest.version ?? 0));
        if (!result.ok) {
          // A pack as old as the one in use is simply already had: not a problem to show.
          if (result.refusal.code !== 'not-newer') this.refused(p.name, result.refusal);
          continue;
        }
        best = { text: p.text, ...result.pack };
      }
    }
    if (best) {
      this.pending = best;
      this.deps.log(
        `content pack: ${best.manifest.id} v${best.manifest.version} checked; applies on the attract screen`,
      );
    }
    return this.status();
  }

  /**
   * Between visits (the page is on the attract screen): makes the pending pack active, the
   * active one previous. Returns whether the content changed.
   */
  applyPending(): boolean {
    const next = this.pending;
    if (!next) return false;
    try {
      if (this.active) writeFileAtomic(join(this.dir, PREVIOUS_FILE), this.active.text);
      writeFileAtomic(join(this.dir, ACTIVE_FILE), next.text);
    } catch (err) {
      this.refused(next.manifest.id, {
        code: 'damaged',
        message: `cannot be saved (${(err as Error).message}); tried again at the next visit's end`,
      });
      return false;
    }
    this.previous = this.active ?? this.previous;
    this.active = next;
    this.pending = null;
    this.deps.log(
      `content pack: ${next.manifest.id} v${next.manifest.version} active, checked as of ${next.manifest.checkedAsOf}`,
    );
    return true;
  }

  /**
   * Staff's one-touch rollback: to the previous pack, or to the bundled content when there is
   * none. The version rolled back from is remembered: a poll takes only packs newer than it, so
   * the pack staff turned away does not come back by itself. A pending pack is dropped too.
   */
  rollback(): ContentPackStatus {
    const to = this.previous;
    const from = this.active?.manifest.version ?? 0;
    const turnedAway = Math.max(this.rolledBackFrom, from);
    try {
      if (from > 0)
        writeFileAtomic(join(this.dir, ROLLED_BACK_FILE), JSON.stringify({ version: turnedAway }));
      if (to) {
        writeFileAtomic(join(this.dir, ACTIVE_FILE), to.text);
        fs.rmSync(join(this.dir, PREVIOUS_FILE), { force: true });
      } else fs.rmSync(join(this.dir, ACTIVE_FILE), { force: true });
    } catch (err) {
      this.deps.log(`content pack: rollback failed: ${(err as Error).message}`);
      return this.status();
    }
    this.deps.log(
      `content pack: rolled back by staff to ${to ? `v${to.manifest.version}` : 'the bundled content'}`,
    );
    this.rolledBackFrom = turnedAway;
    this.active = to;
    this.previous = null;
    this.pending = null;
    return this.status();
  }
}
