import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, flushMail, type TestContext } from '../helpers/test-app.js';
import { uid } from '../helpers/factories.js';
import { decodeQuotedPrintable, startSmtpServer } from '../helpers/smtp.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { MAX_MAIL_ATTEMPTS } from '../../src/platform/mail/mail.worker.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function statusOf(id: string) {
  const [row] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row!;
}
async function makeDue(id: string) {
  await ctx.database.db.update(mailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(mailOutbox.id, id));
}

describe('mail outbox', () => {
  it('delivers a sign-up verification mail to a real SMTP server with text and HTML parts', async () => {
    const smtp = await startSmtpServer();
    try {
      const email = `smtp-${uid()}@example.test`;
      const { createTerritory } = await import('../helpers/factories.js');
      const territory = await createTerritory(ctx);
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'une phrase secrète', displayName: 'Courriel Réel', territory: territory.slug, locale: 'en', ageConfirmed: true, acceptTerms: true } });
      await flushMail(ctx, smtp.url);
      const mail = smtp.received.find((m) => m.to.includes(email));
      expect(mail).toBeDefined();
      expect(mail!.raw).toContain('Content-Type: text/plain');
      expect(mail!.raw).toContain('Content-Type: text/html');
      expect(decodeQuotedPrintable(mail!.raw)).toContain('Confirm my address');
      const row = await mailRepository.findLatestTo(ctx.database.db, email, 'verify_email');
      expect(row!.status).toBe('sent');
    } finally {
      await smtp.close();
    }
  });

  it('retries with backoff when the server refuses, then marks the mail failed', async () => {
    const smtp = await startSmtpServer({ reject: () => true });
    try {
      const id = await mailRepository.enqueue(ctx.database.db, { to: `refus-${uid()}@example.test`, subject: 's', text: 't', html: '<p>t</p>', kind: 'test' });
      await flushMail(ctx, smtp.url);
      let row = await statusOf(id);
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
      expect(row.lastError).toContain('mailbox unavailable');
      for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) {
        await makeDue(id);
        await flushMail(ctx, smtp.url);
      }
      row = await statusOf(id);
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(MAX_MAIL_ATTEMPTS);
    } finally {
      await smtp.close();
    }
  });

  it('loses nothing when a worker dies after claiming: the lease expires and another delivers it once', async () => {
    const smtp = await startSmtpServer();
    try {
      const to = `lease-${uid()}@example.test`;
      const id = await mailRepository.enqueue(ctx.database.db, { to, subject: 'lease', text: 't', html: '<p>t</p>', kind: 'test' });
      const claimed = await mailRepository.claimDue(ctx.database.db, 50); // a worker claims, then "crashes"
      expect(claimed.map((m) => m.id)).toContain(id);
      await flushMail(ctx, smtp.url);
      expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(0); // still leased
      await makeDue(id); // the lease ran out
      await flushMail(ctx, smtp.url);
      await flushMail(ctx, smtp.url);
      expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('keeps mails in the dev outbox when no SMTP server is configured', async () => {
    const id = await mailRepository.enqueue(ctx.database.db, { to: `dev-${uid()}@example.test`, subject: 'dev', text: 't', html: '<p>t</p>', kind: 'test' });
    await flushMail(ctx);
    expect((await statusOf(id)).status).toBe('dev');
  });
});
