import { describe, expect, it } from 'vitest';
import { attachmentHeader, sanitiseFileName, sniffDocument } from './calls.files.js';
import { canReadApplicationFile, type FileReaderFacts } from './calls.policy.js';
import { tinyPdf } from '../../seed/tiny-pdf.js';
import type { RoleGrantView } from '../../platform/http/context.js';

describe('document type by magic bytes', () => {
  it('knows a PDF by %PDF- and the accepted images by their signatures, whatever the name', () => {
    expect(sniffDocument(tinyPdf(['x']))).toBe('pdf');
    expect(sniffDocument(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffDocument(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpg');
    expect(sniffDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffDocument(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
  });

  it('refuses anything else: a GIF, an executable, HTML, a PDF signature not at the start, too few bytes', () => {
    expect(sniffDocument(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffDocument(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffDocument(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffDocument(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffDocument(Buffer.from('%PDF'))).toBeNull();
    expect(sniffDocument(Buffer.alloc(0))).toBeNull();
  });
});

describe('stored file names', () => {
  it('keep the base name without folders, controls or bidi overrides, with the real extension', () => {
    expect(sanitiseFileName('../../etc/Plan\u202e final.pdf', 'pdf')).toBe('Plan final.pdf');
    expect(sanitiseFileName('C:\\Users\\moi\\devis.PDF', 'pdf')).toBe('devis.pdf');
    expect(sanitiseFileName('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(sanitiseFileName('rapport.exe', 'pdf')).toBe('rapport.pdf');
    expect(sanitiseFileName('…', 'png')).toBe('….png');
    expect(sanitiseFileName('.htaccess', 'pdf')).toBe('htaccess.pdf');
    expect(sanitiseFileName('a\u0000b<>:"|?*.pdf', 'pdf')).toBe('ab.pdf');
    expect(sanitiseFileName('', 'webp')).toBe('document.webp');
    expect(sanitiseFileName(`${'é'.repeat(300)}.pdf`, 'pdf')).toHaveLength(120);
  });

  it('are sent as an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('Plan d’aménagement (v2).pdf')).toBe('attachment; filename="Plan d_amenagement (v2).pdf"; filename*=UTF-8\'\'Plan%20d%E2%80%99am%C3%A9nagement%20%28v2%29.pdf');
    expect(attachmentHeader('a"b;c.pdf')).toBe('attachment; filename="a_b_c.pdf"; filename*=UTF-8\'\'a%22b%3Bc.pdf');
  });
});

describe('who may read an application file', () => {
  const caisse = 'c1';
  const call = { caisseId: caisse };
  const submitted = { status: 'submitted' as const };
  const none: FileReaderFacts = { promoter: false, juror: false, conflicted: false };
  const person = (roles: RoleGrantView[] = []) => ({ id: 'u1', roles });

  it('lets the promoters, the caisse staff and platform admins read, whatever the status', () => {
    expect(canReadApplicationFile(person(), call, { status: 'draft' }, { ...none, promoter: true })).toBe(true);
    expect(canReadApplicationFile(person([{ role: 'staff', caisseId: caisse }]), call, { status: 'draft' }, none)).toBe(true);
    expect(canReadApplicationFile(person([{ role: 'admin', caisseId: null }]), call, submitted, none)).toBe(true);
  });

  it('lets jurors read submitted applications unless they declared a conflict', () => {
    expect(canReadApplicationFile(person(), call, submitted, { ...none, juror: true })).toBe(true);
    expect(canReadApplicationFile(person(), call, { status: 'selected' }, { ...none, juror: true })).toBe(true);
    expect(canReadApplicationFile(person(), call, submitted, { ...none, juror: true, conflicted: true })).toBe(false);
    expect(canReadApplicationFile(person(), call, { status: 'draft' }, { ...none, juror: true })).toBe(false);
    expect(canReadApplicationFile(person(), call, { status: 'withdrawn' }, { ...none, juror: true })).toBe(false);
  });

  it('refuses everyone else: staff of another caisse, a moderator, a member, a visitor', () => {
    expect(canReadApplicationFile(person([{ role: 'staff', caisseId: 'c2' }]), call, submitted, none)).toBe(false);
    expect(canReadApplicationFile(person([{ role: 'moderator', caisseId: null }]), call, submitted, none)).toBe(false);
    expect(canReadApplicationFile(person(), call, submitted, none)).toBe(false);
    expect(canReadApplicationFile(null, call, submitted, { promoter: true, juror: true, conflicted: false })).toBe(false);
  });
});
