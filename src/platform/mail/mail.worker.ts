import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { mailRepository } from './mail.repository.js';

export const MAX_MAIL_ATTEMPTS = 5;

/** Exponential backoff: 30 s, 2 min, 8 min, 32 min, then give up (visible to staff as failed). */
function nextAttemptDelayMs(attempts: number): number {
  return 30_000 * 4 ** Math.max(0, attempts - 1);
}

export type MailWorker = {
  /** Delivers what is due now; returns how many were handled. */
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export function createMailWorker(opts: { db: Db; smtpUrl: string | undefined; from: string; log: FastifyBaseLogger }): MailWorker {
  const transport: Transporter | null = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
    : null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function deliverBatch(): Promise<number> {
    const due = await mailRepository.claimDue(opts.db, 20);
      for (const mail of due) {
        if (!transport) {
          opts.log.info({ mailId: mail.id, to: mail.toAddress, subject: mail.subject, body: mail.textBody }, 'dev outbox: mail not sent (no SMTP_URL)');
          await mailRepository.markSent(opts.db, mail.id, 'dev');
          continue;
        }
        try {
          await transport.sendMail({ from: opts.from, to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, headers: { ...mail.headers, 'X-Outbox-Id': mail.id } });
          await mailRepository.markSent(opts.db, mail.id, 'sent');
        } catch (err) {
          const attempts = mail.attempts + 1;
          const next = attempts >= MAX_MAIL_ATTEMPTS ? null : new Date(Date.now() + nextAttemptDelayMs(attempts));
          opts.log.warn({ mailId: mail.id, attempts, err: (err as Error).message }, 'mail delivery failed');
          await mailRepository.markFailed(opts.db, mail.id, (err as Error).message, next);
        }
      }
    return due.length;
  }

  const worker: MailWorker = {
    async runOnce() {
      while (running) await running;
      running = deliverBatch();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    start(intervalMs = 2_000) {
      if (timer) return;
      timer = setInterval(() => {
        worker.runOnce().catch((err: unknown) => opts.log.error({ err }, 'mail worker failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => 0);
      transport?.close();
    },
  };
  return worker;
}
