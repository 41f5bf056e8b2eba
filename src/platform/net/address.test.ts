import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicAddress } from './address.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
  ])('refuses the IPv4 address %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:7f00:1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:db8::1', 'reserved'],
  ])('refuses the IPv6 address %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '142.250.65.78', '2001:4860:4860::8888', '2606:4700::1111'])('accepts the public address %s', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(['0x7f.1', '017700000001', '2130706433', 'localhost', '', '1.2.3', '::ffff:999.0.0.1'])('never calls the non-canonical form %j public', (address) => {
    expect(classifyAddress(address)).toBe('invalid');
    expect(isPublicAddress(address)).toBe(false);
  });
});
