import { eq } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { privacyIncidents, privacyRequests } from '../modules/privacy-register/privacy-register.tables.js';
import { addDays, dueDate } from '../modules/privacy-register/privacy-register.rules.js';
import { montrealDate } from '../modules/delegates/delegates.dates.js';

/**
 * The privacy register's demo (ADR 0028), seen by platform admins only: one closed incident (a
 * misaddressed e-mail, no serious risk) and three requests, one answered, one due in 4 days (the
 * register's summary and the daily reminder show it) and one due in 12 days.
 */
export async function seedDemoPrivacyRegister(deps: Deps): Promise<void> {
  const db = deps.db;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.handle, 'admin')).limit(1);
  if ((await db.$count(privacyIncidents)) > 0 || (await db.$count(privacyRequests)) > 0) return;
  const today = montrealDate(new Date());
  const by = admin?.id ?? null;
  await db.transaction(async (tx) => {
    await tx.insert(privacyIncidents).values({
      id: newId(), occurredOn: addDays(today, -41), discoveredOn: addDays(today, -40),
      description: 'Un courriel de rappel d’un atelier a été envoyé à la mauvaise liste : 12 personnes ont vu les adresses des autres participantes et participants (champ « À » au lieu de « Cci »).',
      personalInfo: 'Adresses courriel de 12 personnes inscrites à l’atelier de réparation de vélos.',
      peopleConcerned: 12, seriousRisk: false,
      riskAssessment: 'Des adresses courriel seules, sans autre renseignement sensible, vues par des personnes inscrites au même atelier : risque de préjudice sérieux jugé faible.',
      measures: 'Les destinataires ont été invités à supprimer le courriel; les envois groupés passent désormais par la plateforme, qui n’expose jamais les adresses.',
      peopleNotifiedOn: addDays(today, -39), status: 'closed', closedAt: new Date(Date.now() - 35 * 86_400_000), createdBy: by, updatedBy: by,
    });
    const answeredReceived = addDays(today, -50);
    await tx.insert(privacyRequests).values([
      {
        id: newId(), receivedOn: answeredReceived, dueOn: dueDate(answeredReceived), requesterName: 'Hélène Bouchard', requesterEmail: 'helene.bouchard@example.org',
        kind: 'access', status: 'answered', answeredOn: addDays(answeredReceived, 9), notes: 'Copie des données transmise par courriel chiffré.', createdBy: by, updatedBy: by,
      },
      {
        id: newId(), receivedOn: addDays(today, -26), dueOn: dueDate(addDays(today, -26)), requesterName: 'Mireille Lavoie', requesterEmail: 'mireille.lavoie@example.org',
        kind: 'portability', status: 'received', notes: 'Souhaite recevoir ses contributions et ses messages dans un format réutilisable.', createdBy: by, updatedBy: by,
      },
      {
        id: newId(), receivedOn: addDays(today, -18), dueOn: dueDate(addDays(today, -18)), requesterName: 'Jordan Smith', requesterEmail: 'jordan.smith@example.org',
        kind: 'rectification', status: 'in_progress', notes: 'Demande de correction du quartier affiché sur une ancienne inscription à la liste d’attente.', createdBy: by, updatedBy: by,
      },
    ]);
  });
}
