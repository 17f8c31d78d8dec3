// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import StaffPolicyNotice from '../../../../src/components/staff/StaffPolicyNotice.vue';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(view = {}) {
  const pinia = staffOpen(mockKiosk(), view);
  return mountKiosk(StaffPolicyNotice, { pinia, locale: 'en' }).wrapper;
}

describe('StaffPolicyNotice', () => {
  it('is not there without a policy', () => {
    expect(open().find('[data-testid="staff-policy"]').exists()).toBe(false);
  });

  it('names each problem of the policy file by its field, and counts the locked settings', () => {
    const wrapper = open({
      locked: ['branchName', 'idle.warningSeconds'],
      policyProblems: [
        { field: 'settings.branchPhone', message: 'not a phone number' },
        { field: '', message: 'not valid JSON' },
      ],
    });
    expect(wrapper.get('[data-testid="staff-policy-locked"]').text()).toContain('2');
    const items = wrapper.findAll('[data-testid="staff-policy-problem"]').map((p) => p.text());
    expect(items).toEqual([
      'settings.branchPhone: not a phone number',
      'policy file: not valid JSON',
    ]);
    expect(wrapper.get('[data-testid="staff-policy-problems"]').attributes('role')).toBe('alert');
  });
});
