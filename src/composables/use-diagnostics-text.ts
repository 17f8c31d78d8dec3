import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../../core/locales';
import {
  auditText,
  CONTENT_MAX_AGE_DAYS,
  formatBytes,
  isReady,
  localTime,
  MIN_FREE_DISK_BYTES,
  readinessChecks,
  RECENT_ERROR_HOURS,
  type CheckId,
  type CheckStatus,
} from '../../core/kiosk/diagnostics';
import type { ContentPackView } from '../../core/kiosk/kiosk-api';
import type { MessageSchema } from '../i18n';
import { printProblemKey } from '../labels';
import { useKioskStore } from '../stores/kiosk';
import { useStaffStore } from '../stores/staff';
import { assertNever } from '../../core/assert-never';

export interface DiagnosticsRow {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

const STATUS_KEYS: Readonly<Record<CheckStatus, keyof MessageSchema>> = {
  ok: 'labelCheckStatusOk',
  attention: 'labelCheckStatusAttention',
  unknown: 'labelCheckStatusUnknown',
};

/**
 * "Check this kiosk" in words, for the staff screen and the printed readiness report alike: the
 * facts as label and value, the readiness checks, and the auditor's text. Empty until the
 * diagnostics are read.
 */
export function useDiagnosticsText(locale: () => Locale, now: () => Date = () => new Date()) {
  const { t } = useI18n<{ message: MessageSchema }, Locale>({ useScope: 'global' });
  const staff = useStaffStore();
  const kiosk = useKioskStore();
  const ui = (key: keyof MessageSchema, named: Record<string, string | number> = {}) =>
    t(key, named, { locale: locale() });

  function checkLabel(id: CheckId): string {
    switch (id) {
      case 'printer':
        return ui('labelReadinessPrinter');
      case 'last-print':
        return ui('labelReadinessLastPrint');
      case 'disk':
        return ui('labelReadinessDisk', { size: formatBytes(MIN_FREE_DISK_BYTES) });
      case 'errors':
        return ui('labelReadinessErrors', { hours: RECENT_ERROR_HOURS });
      case 'content':
        return ui('labelReadinessContent', {
          days: staff.diagnostics?.contentMaxAgeDays ?? CONTENT_MAX_AGE_DAYS,
        });
      case 'app-hash':
        return ui('labelReadinessAppHash');
      default:
        return assertNever(id);
    }
  }

  /** The content packs: kept for rollback, waiting, and the newest refusal. */
  function packsText(p: ContentPackView): string[] {
    const parts = [];
    if (p.previous) parts.push(ui('labelCheckPacksPrevious', { version: p.previous.version }));
    if (p.pending)
      parts.push(
        ui('labelCheckPacksPending', { version: p.pending.version, date: p.pending.checkedAsOf }),
      );
    // As the log says it (a reason code and main's words), like the errors below.
    const r = p.lastProblem;
    if (r) parts.push(`${r.source}: ${r.code}: ${r.message}`);
    return parts;
  }

  const rows = computed<DiagnosticsRow[]>(() => {
    const d = staff.diagnostics;
    if (!d) return [];
    const p = staff.printerState;
    const printer = p
      ? `${p.printer ?? ui('labelStaffPrinterDefault')}: ${
          p.problem ? ui(printProblemKey(p.problem)) : ui('labelStaffPrinterReady')
        }`
      : ui('labelCheckUnknown');
    const { lastSuccess, lastFailure } = d.prints;
    return [
      { id: 'printer', label: ui('labelCheckPrinter'), value: printer },
      {
        id: 'last-print',
        label: ui('labelCheckLastPrint'),
        value: lastSuccess ? localTime(lastSuccess) : ui('labelCheckNone'),
      },
      {
        id: 'last-failure',
        label: ui('labelCheckLastFailure'),
        value: lastFailure
          ? ui('labelCheckFailureValue', {
              time: localTime(lastFailure.at),
              problem: ui(printProblemKey(lastFailure.problem)),
            })
          : ui('labelCheckNone'),
      },
      {
        id: 'paper',
        label: ui('labelStaffPaper'),
        value: ui(kiosk.settings.paper === 'a4' ? 'labelStaffPaperA4' : 'labelStaffPaperReceipt'),
      },
      { id: 'version', label: ui('labelCheckVersion'), value: d.version },
      {
        id: 'content',
        label: ui('labelCheckContent'),
        value: [
          d.content.source === 'pack' && d.contentPacks?.active
            ? ui('labelCheckContentPackValue', {
                version: d.contentPacks.active.version,
                date: d.content.checkedAsOf,
              })
            : ui('labelCheckContentValue', { date: d.content.checkedAsOf }),
          ...(d.contentPacks ? packsText(d.contentPacks) : []),
        ].join('; '),
      },
      {
        id: 'disk',
        label: ui('labelCheckDisk'),
        value: d.freeDiskBytes === null ? ui('labelCheckUnknown') : formatBytes(d.freeDiskBytes),
      },
    ];
  });

  const checks = computed(() => {
    const d = staff.diagnostics;
    if (!d) return [];
    return readinessChecks({ diagnostics: d, printer: staff.printerState, now: now() }).map(
      (c) => ({ ...c, label: checkLabel(c.id), statusText: ui(STATUS_KEYS[c.status]) }),
    );
  });

  const ready = computed(() => checks.value.length > 0 && isReady(checks.value));

  const audit = computed(() => {
    const d = staff.diagnostics;
    if (!d) return '';
    return auditText({
      version: d.version,
      appSha256: d.appSha256,
      checkedAsOf: d.content.checkedAsOf,
      contentSha256: d.content.sha256,
    });
  });

  return { ui, rows, checks, ready, audit };
}
