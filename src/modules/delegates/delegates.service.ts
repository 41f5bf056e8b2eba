import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { findCaisseBySlug, type CaisseRow } from '../caisses/caisses.service.js';
import { caissesRepository } from '../caisses/caisses.repository.js';
import { usersRepository } from '../auth/users.repository.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { delegatesRepository } from './delegates.repository.js';
import { campaignDatesValid, canApply, canManageDelegates, canSeeDelegateProjects, registrationOpen } from './delegates.policy.js';
import { listTerritoryProjects } from '../projects/projects.list.service.js';
import type { ProjectCardView } from '../projects/projects.presenter.js';
import { presentApplication, presentCampaign, presentCounts, presentDelegate, type ApplicationView, type CampaignView, type DashboardView, type DelegateView } from './delegates.presenter.js';
import { montrealDay } from './delegates.dates.js';
import { decisionMail } from './delegates.mails.js';
import type { TApplicationListQuery, TApplyBody, TCampaignBody, TDecisionBody } from './delegates.schemas.js';

export type RegistrationPage = {
  caisse: { id: string; slug: string; name: string };
  campaign: CampaignView | null;
  territories: { slug: string; name: string }[];
  mine: ApplicationView | null;
  can: { apply: boolean; manage: boolean };
};

const caisseRef = (c: CaisseRow) => ({ id: c.id, slug: c.slug, name: c.name });

/** The caisse, checked against this actor: its staff (or a platform admin) only; others get FORBIDDEN. */
export async function managedCaisse(deps: Deps, actor: Actor | null, slug: string): Promise<{ caisse: CaisseRow; actor: Actor }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const caisse = await findCaisseBySlug(deps, slug);
  if (!canManageDelegates(actor, caisse.id)) throw new AppError('FORBIDDEN');
  return { caisse, actor };
}

/** The registration page of a caisse: its current campaign, whether it is open, and the actor's own application. */
export async function registrationPage(deps: Deps, actor: Actor | null, slug: string, locale: Locale, now = new Date()): Promise<RegistrationPage> {
  const caisse = await findCaisseBySlug(deps, slug);
  const [campaign, served] = await Promise.all([delegatesRepository.currentCampaign(deps.db, caisse.id), caissesRepository.territoriesServed(deps.db, [caisse.id])]);
  const mine = campaign && actor ? await delegatesRepository.findForUser(deps.db, campaign.id, actor.id) : undefined;
  const open = registrationOpen(campaign, now);
  return {
    caisse: caisseRef(caisse),
    campaign: campaign ? presentCampaign(campaign, caisse, locale, open) : null,
    territories: served.map((t) => ({ slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr })),
    mine: mine ? presentApplication(mine, locale) : null,
    can: { apply: canApply(actor, campaign, now, mine !== undefined), manage: canManageDelegates(actor, caisse.id) },
  };
}

/** Staff open a new campaign (it becomes the caisse's current one). */
export async function openCampaign(deps: Deps, actor: Actor | null, slug: string, input: TCampaignBody, locale: Locale): Promise<CampaignView> {
  const { caisse, actor: staff } = await managedCaisse(deps, actor, slug);
  const dates = { deadline: montrealDay(input.deadline, 'end'), termStart: montrealDay(input.termStart, 'start'), termEnd: montrealDay(input.termEnd, 'end') };
  const wrong = campaignDatesValid(dates);
  if (wrong) throw validationError({ [wrong]: { key: `delegates.validation.${wrong}` } });
  const row = await deps.db.transaction(async (tx) => {
    const created = await delegatesRepository.insertCampaign(tx, { id: newId(), caisseId: caisse.id, ...dates, introFr: input.introFr, introEn: input.introEn, createdBy: staff.id });
    await audit(tx, { actorId: staff.id, action: 'delegates.campaign.open', subjectType: 'caisse', subjectId: caisse.id, data: { campaignId: created.id, deadline: input.deadline } });
    return created;
  });
  return presentCampaign(row, caisse, locale, registrationOpen(row, new Date()));
}

/** A member applies; after the deadline the API refuses with DELEGATE_REGISTRATION_CLOSED. */
export async function apply(deps: Deps, actor: Actor | null, slug: string, input: TApplyBody, locale: Locale, now = new Date()): Promise<ApplicationView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const caisse = await findCaisseBySlug(deps, slug);
  const campaign = await delegatesRepository.currentCampaign(deps.db, caisse.id);
  if (!campaign) throw new AppError('DELEGATE_CAMPAIGN_NOT_FOUND');
  if (!registrationOpen(campaign, now)) throw new AppError('DELEGATE_REGISTRATION_CLOSED', { deadline: campaign.deadline.toISOString() });
  const territory = (await caissesRepository.territoriesServed(deps.db, [caisse.id])).find((t) => t.slug === input.territory);
  if (!territory) throw validationError({ territory: { key: 'validation.choice' } });
  const id = newId();
  const created = await delegatesRepository.insertApplication(deps.db, { id, campaignId: campaign.id, caisseId: caisse.id, userId: actor.id, territoryId: territory.id, motivation: input.motivation, availability: input.availability });
  if (!created) throw new AppError('DELEGATE_ALREADY_APPLIED');
  return presentApplication((await delegatesRepository.findRecord(deps.db, id))!, locale);
}

/** The staff's list of a campaign's applications (pending first come, first decided). */
export async function listApplications(deps: Deps, actor: Actor | null, slug: string, query: TApplicationListQuery, locale: Locale): Promise<{ items: ApplicationView[]; nextCursor: string | null }> {
  const { caisse } = await managedCaisse(deps, actor, slug);
  const campaign = await delegatesRepository.currentCampaign(deps.db, caisse.id);
  if (!campaign) return { items: [], nextCursor: null };
  const rows = await delegatesRepository.listApplications(deps.db, campaign.id, query.status, query.limit, decodeCursor(query.cursor));
  const result = page(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  return { items: result.items.map((r) => presentApplication(r, locale)), nextCursor: result.nextCursor };
}

/** The registration dashboard: counts per served territory and totals. */
export async function dashboard(deps: Deps, actor: Actor | null, slug: string, locale: Locale): Promise<DashboardView> {
  const { caisse } = await managedCaisse(deps, actor, slug);
  const [campaign, served] = await Promise.all([delegatesRepository.currentCampaign(deps.db, caisse.id), caissesRepository.territoriesServed(deps.db, [caisse.id])]);
  const rows = campaign ? await delegatesRepository.countsByTerritory(deps.db, campaign.id) : [];
  const counts = presentCounts(rows, served, locale);
  const totals = counts.reduce((s, c) => ({ pending: s.pending + c.pending, approved: s.approved + c.approved, declined: s.declined + c.declined }), { pending: 0, approved: 0, declined: 0 });
  return { campaign: campaign ? presentCampaign(campaign, caisse, locale, registrationOpen(campaign, new Date())) : null, counts, totals };
}

/**
 * Staff decide an application of their caisse. Approval grants the delegate role until the end of
 * the term; the applicant is told in the app and by e-mail in their language. One transaction.
 */
export async function decide(deps: Deps, actor: Actor | null, id: string, input: TDecisionBody, locale: Locale): Promise<ApplicationView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (input.decision === 'decline' && !input.message) throw validationError({ message: { key: 'delegates.validation.messageRequired' } });
  await deps.db.transaction(async (tx) => {
    const application = await delegatesRepository.findApplication(tx, id, { lock: true });
    // Staff of another caisse learn nothing about this application: the same NOT_FOUND as a wrong id.
    if (!application || !canManageDelegates(actor, application.caisseId)) throw new AppError('DELEGATE_APPLICATION_NOT_FOUND');
    const status = input.decision === 'approve' ? 'approved' : 'declined';
    const decided = await delegatesRepository.decide(tx, id, { status, message: input.message, decidedBy: actor.id });
    if (!decided) throw new AppError('DELEGATE_ALREADY_DECIDED');
    const campaign = (await delegatesRepository.campaignById(tx, application.campaignId))!;
    const caisse = (await caissesRepository.findById(tx, application.caisseId))!;
    if (status === 'approved') await delegatesRepository.grantDelegate(tx, { userId: application.userId, caisseId: caisse.id, expiresAt: campaign.termEnd, grantedBy: actor.id });
    const url = `/caisses/${caisse.slug}/delegues`;
    await notificationsRepository.insert(tx, { userId: application.userId, kind: `delegate.${status}`, data: { caisseName: caisse.name }, url, subjectType: 'delegate_application', subjectId: id });
    const person = await usersRepository.findById(tx, application.userId);
    if (person && !person.deletedAt) {
      const termEnd = formatters(person.locale).date(campaign.termEnd);
      await mailRepository.enqueue(tx, decisionMail({ to: person.email, locale: person.locale, name: person.displayName, caisseName: caisse.name, approved: status === 'approved', message: input.message, termEnd, url: `${deps.config.publicUrl}${url}` }));
    }
    await audit(tx, { actorId: actor.id, action: `delegates.application.${status}`, subjectType: 'delegate_application', subjectId: id, data: { caisseId: caisse.id, userId: application.userId } });
  });
  return presentApplication((await delegatesRepository.findRecord(deps.db, id))!, locale);
}

/** A caisse's delegates in their current term (public). */
export async function listDelegates(deps: Deps, caisseId: string, locale: Locale): Promise<DelegateView[]> {
  return (await delegatesRepository.currentDelegates(deps.db, caisseId)).map((d) => presentDelegate(d, locale));
}

/** The caisses a person is a delegate of now (badges on their page). */
export async function delegateBadges(deps: Pick<Deps, 'db'>, userId: string): Promise<{ slug: string; name: string }[]> {
  return delegatesRepository.delegateCaissesOf(deps.db, userId);
}

export type AccompanyGroup = { territory: { slug: string; name: string }; projects: ProjectCardView[] };

/** The projects of the caisse's territories, for its delegates (and staff) to accompany. */
export async function projectsToAccompany(deps: Deps, actor: Actor | null, slug: string, locale: Locale): Promise<{ caisse: { id: string; slug: string; name: string }; groups: AccompanyGroup[] }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const caisse = await findCaisseBySlug(deps, slug);
  if (!canSeeDelegateProjects(actor, caisse.id)) throw new AppError('FORBIDDEN');
  const served = await caissesRepository.territoriesServed(deps.db, [caisse.id]);
  const groups = await Promise.all(served.map(async (t) => ({ territory: { slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr }, projects: await listTerritoryProjects(deps, t.id, 24, locale) })));
  return { caisse: caisseRef(caisse), groups };
}
