import { describe, expect, it } from 'vitest';
import {
  FIELD_LABELS,
  IDLE_LABELS,
  labelOf,
} from '../../../../src/components/staff/settings-labels';
import { IDLE_FIELDS, SETTINGS_FIELDS } from '../../../../core/kiosk/settings';
import en from '../../../../locales/en.json';

describe('the staff form’s field names', () => {
  it('name every setting and every idle time, with a message that exists', () => {
    expect(Object.keys(FIELD_LABELS).sort()).toEqual(Object.keys(SETTINGS_FIELDS).sort());
    expect(Object.keys(IDLE_LABELS).sort()).toEqual(Object.keys(IDLE_FIELDS).sort());
    for (const key of [...Object.values(FIELD_LABELS), ...Object.values(IDLE_LABELS)])
      expect(en, key).toHaveProperty(key);
  });

  it('name a field by its path, an idle time by its own name', () => {
    expect(labelOf('branchPhone')).toBe('labelStaffBranchPhone');
    expect(labelOf('idle.warningSeconds')).toBe('labelStaffWarning');
    expect(labelOf('idle.goodbyeSeconds')).toBe('labelStaffGoodbye');
  });
});
