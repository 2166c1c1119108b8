import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidCustomerCodeRule, isValidTimeZone, previewCustomerCode } from './settings';

describe('workspace settings rules', () => {
  it.each([
    ['C{yyyy}{seq:6}', true],
    ['KH-{yy}{mm}-{seq:4}', true],
    ['{seq}', true],
    ['C{yyyy}', false],
    ['C {seq}', false],
    ['', false],
    [`${'X'.repeat(36)}{seq:4}`, true],
    [`${'X'.repeat(37)}{seq:4}`, false],
    ['C{seq:99}', false],
  ])('customer code rule %s is valid: %s', (rule, ok) => {
    expect(isValidCustomerCodeRule(rule)).toBe(ok);
  });

  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Etc/GMT-8', true],
    ['America/Argentina/Buenos_Aires', true],
    ['+08:00', false],
    ['Mars/Olympus_Mons', false],
    ['Asia/Shanghai ', false],
  ])('time zone %s is valid: %s', (zone, ok) => {
    expect(isValidTimeZone(zone)).toBe(ok);
  });

  it('spells a zone as the database does', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
  });

  it('previews the next code on the day of the workspace’s zone, going on from the counter', () => {
    // 2026-03-31 20:00 UTC is already 1 April in Shanghai.
    const at = new Date('2026-03-31T20:00:00Z');
    const counter = { period: 'KH-2604-{seq}', next: 42 };
    expect(previewCustomerCode('KH-{yy}{mm}-{seq:4}', 'Asia/Shanghai', counter, at)).toBe('KH-2604-0042');
    expect(previewCustomerCode('KH-{yy}{mm}-{seq:4}', 'Europe/London', counter, at)).toBe('KH-2603-0001');
    expect(previewCustomerCode('KH{yy}{seq:3}', 'Asia/Shanghai', counter, at)).toBe('KH26001');
    expect(previewCustomerCode('KH{yy}', 'Asia/Shanghai', counter, at)).toBeNull();
    expect(previewCustomerCode('KH{seq}', 'Nowhere/Land', counter, at)).toBeNull();
  });
});
