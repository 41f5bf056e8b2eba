import { z } from 'zod';
import { DIGEST_FREQUENCIES } from './notifications.domain.js';
import { OPT_OUT_KINDS } from './notifications.mail.render.js';

const ZDigest = z.enum(DIGEST_FREQUENCIES);
const ZImmediate = z.enum(['on', 'off']);
const ZOptOuts = z.array(z.enum(OPT_OUT_KINDS)).max(OPT_OUT_KINDS.length);

/** PATCH /api/v1/me/notification-settings: any subset; `emailOptOuts` replaces the whole list. */
export const ZNotificationSettingsPatch = z
  .object({ digest: ZDigest.optional(), immediate: ZImmediate.optional(), emailOptOuts: ZOptOuts.optional() })
  .strict();
export type NotificationSettingsPatch = z.output<typeof ZNotificationSettingsPatch>;

/** The HTML form sends every field; unticked checkboxes are absent, one ticked box is a string. */
export const ZNotificationSettingsForm = z.object({
  digest: ZDigest,
  immediate: ZImmediate,
  emailOptOuts: z.preprocess((v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), ZOptOuts),
});

export const ZNotificationSettings = z.object({
  digest: ZDigest.describe('E-mail digest frequency: off, daily or weekly (default weekly).'),
  immediate: ZImmediate.describe('Immediate e-mail for what needs action (a pledge to answer).'),
  emailOptOuts: z.array(z.string()).describe('Notification kinds never sent by e-mail.'),
  availableOptOuts: z.array(z.string()).describe('Kinds that may be opted out of.'),
  updatedAt: z.string().nullable(),
});
export type NotificationSettingsView = z.infer<typeof ZNotificationSettings>;

export const ZUnsubscribeQuery = z.object({ token: z.string().max(600).optional() });
