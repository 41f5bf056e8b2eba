import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { territories } from '../modules/territories/territories.tables.js';
import { projects } from '../modules/projects/projects.tables.js';
import { activities } from '../modules/social/social.tables.js';
import { callApplicationFiles, callApplications, callCriteria, callQuestions, calls, callTerritories, type CallPhase, type QuestionKind } from '../modules/calls/calls.tables.js';
import { privateMediaStore } from '../modules/media/media.service.js';
import { newPrivateMediaKey } from '../modules/media/media.storage.js';
import { tinyPdf } from './tiny-pdf.js';

/** Stable slugs the call-reviews demo builds on (ADR 0020, 0021). */
const DEMO_CALL_SLUGS = { open: 'verdir-nos-ruelles', past: 'fonds-quartiers-2026' } as const;

type Question = { kind: QuestionKind; label: string; help?: string; required?: boolean; choices?: string[]; maxLength?: number };
/** A `file` answer is a small PDF generated here (no binary fixture): its name and text lines. */
type DemoFile = { name: string; lines: string[] };
type Application = { project: string; status: 'draft' | 'submitted'; requestedCents: number; answers: (string | number | DemoFile)[] };
type CallSeed = {
  slug: string; caisse: string; title: string; theme: string; description: string; language: 'fr' | 'en'; phase: CallPhase;
  /** Days from now. */
  days: { opens: number; closes: number; reviewEnds: number; results: number };
  territories: string[]; budgetCents: number; maxPerProjectCents: number;
  questions: Question[]; criteria: { label: string; description: string; weight: number }[]; applications: Application[];
};

const CALLS: CallSeed[] = [
  {
    slug: DEMO_CALL_SLUGS.open, caisse: 'economie-solidaire', title: 'Verdir nos ruelles', theme: 'Verdissement', language: 'fr', phase: 'open',
    description: 'La Caisse d’économie solidaire soutient les projets qui **verdissent les ruelles** du Plateau, de Villeray et de Parc-Extension : bacs de plantation, arbres, déminéralisation, jardins partagés.\n\nLes projets portés par des voisines et voisins sont les bienvenus, avec ou sans organisme.',
    days: { opens: -10, closes: 25, reviewEnds: 40, results: 50 }, territories: ['plateau-mont-royal', 'villeray', 'parc-extension'], budgetCents: 2_500_000, maxPerProjectCents: 500_000,
    questions: [
      { kind: 'long_text', label: 'Que ferez-vous dans la ruelle?', help: 'Les aménagements prévus, le calendrier et qui s’en occupe.', required: true, maxLength: 1500 },
      { kind: 'number', label: 'Combien de ménages riverains participent?', required: true },
      { kind: 'choice', label: 'Le projet a-t-il l’accord de l’arrondissement?', required: true, choices: ['Oui', 'En cours', 'Pas encore'] },
      { kind: 'file', label: 'Plan ou croquis de l’aménagement', help: 'Facultatif : un plan, un croquis ou un devis.', required: false },
    ],
    criteria: [
      { label: 'Impact sur le verdissement', description: 'Surface verdie, arbres, îlots de chaleur réduits.', weight: 3 },
      { label: 'Mobilisation du voisinage', description: 'Nombre de ménages engagés et diversité des participants.', weight: 2 },
      { label: 'Faisabilité', description: 'Budget réaliste, accords obtenus, entretien prévu.', weight: 1 },
    ],
    applications: [
      { project: 'Ruelle verte Fabre–Chambord', status: 'submitted', requestedCents: 350_000, answers: ['Déminéraliser 40 m² près de l’entrée Chambord, installer douze bacs de vivaces indigènes et deux bancs. Corvées en mai et en septembre.', 34, 'Oui', { name: 'plan-ruelle-fabre-chambord.pdf', lines: ['Ruelle verte Fabre-Chambord : plan d\'aménagement', 'Entrée Chambord : 40 m² déminéralisés', '12 bacs de vivaces indigènes, 2 bancs', 'Corvées : mai et septembre'] }] },
      { project: 'Park Extension youth mural', status: 'submitted', requestedCents: 200_000, answers: ['Climbing plants along the mural wall and planters painted by the youth, so the alley around the mural becomes green too.', 18, 'En cours'] },
      { project: 'Vélo-cargo solidaire de Villeray', status: 'draft', requestedCents: 150_000, answers: ['Des livraisons de compost et de plants aux ruelles vertes de Villeray avec le vélo-cargo.'] },
    ],
  },
  {
    slug: DEMO_CALL_SLUGS.past, caisse: 'economie-solidaire', title: 'Fonds des quartiers 2026', theme: 'Vie de quartier', language: 'fr', phase: 'results',
    description: 'Le fonds annuel de la caisse pour les projets qui rapprochent les voisins : entraide, culture, alimentation, éducation.',
    days: { opens: -120, closes: -80, reviewEnds: -60, results: -45 }, territories: ['plateau-mont-royal', 'villeray', 'parc-extension'], budgetCents: 1_000_000, maxPerProjectCents: 400_000,
    questions: [
      { kind: 'long_text', label: 'Résumez votre projet et ses retombées pour le quartier.', required: true, maxLength: 1500 },
      { kind: 'short_text', label: 'Partenaires du projet', required: false, maxLength: 200 },
    ],
    criteria: [
      { label: 'Retombées pour le quartier', description: '', weight: 3 },
      { label: 'Inclusion', description: 'Rejoint des personnes peu présentes dans la vie de quartier.', weight: 2 },
      { label: 'Faisabilité', description: '', weight: 1 },
    ],
    applications: [
      { project: 'Aide aux devoirs à Parc-Extension', status: 'submitted', requestedCents: 300_000, answers: ['Deux après-midi par semaine d’aide aux devoirs pour 40 élèves du primaire, avec des bénévoles du quartier.', 'École Barclay, bibliothèque de Parc-Extension'] },
      { project: 'Park Extension youth mural', status: 'submitted', requestedCents: 250_000, answers: ['A mural designed and painted by 15 local teenagers with a professional muralist, near Parc station.', 'Maison de la culture'] },
      { project: 'Frigo communautaire de la rue Fabre', status: 'submitted', requestedCents: 150_000, answers: ['Un frigo communautaire ouvert à toutes et tous, entretenu chaque soir par des bénévoles, contre le gaspillage alimentaire.', ''] },
      { project: 'Vélo-cargo solidaire de Villeray', status: 'submitted', requestedCents: 400_000, answers: ['Un vélo-cargo partagé pour les livraisons de la banque alimentaire et les déménagements entre voisins.', 'Atelier de Louis'] },
    ],
  },
];

const DAY = 86_400_000;

/** Demo calls for projects: one open with applications (and its opening in the feed), one past in its results phase. A slug already there is left as it is. */
export async function seedDemoCalls(deps: Pick<Deps, 'db' | 'config'>, now = new Date()): Promise<void> {
  const db = deps.db;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.handle, 'admin')).limit(1);
  const places = new Map((await db.select({ id: territories.id, slug: territories.slug }).from(territories)).map((t) => [t.slug, t.id]));
  const titles = CALLS.flatMap((c) => c.applications.map((a) => a.project));
  const byTitle = new Map((await db.select({ id: projects.id, title: projects.title, promoterId: projects.promoterId }).from(projects).where(inArray(projects.title, titles))).map((p) => [p.title, p]));
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  for (const c of CALLS) {
    const [caisse] = await db.select({ id: caisses.id, name: caisses.name }).from(caisses).where(eq(caisses.slug, c.caisse)).limit(1);
    if (!caisse || (await db.select({ id: calls.id }).from(calls).where(eq(calls.slug, c.slug)).limit(1)).length) continue;
    await db.transaction(async (tx) => {
      const id = newId();
      await tx.insert(calls).values({
        id, caisseId: caisse.id, slug: c.slug, title: c.title, theme: c.theme, description: c.description, language: c.language, budgetCents: c.budgetCents, maxPerProjectCents: c.maxPerProjectCents,
        opensAt: at(c.days.opens), submissionsCloseAt: at(c.days.closes), reviewEndsAt: at(c.days.reviewEnds), resultsAt: at(c.days.results),
        phase: c.phase, phaseChangedAt: c.phase === 'open' ? at(c.days.opens) : at(c.days.results), publishedAt: at(c.days.opens - 7), createdBy: admin?.id ?? null, createdAt: at(c.days.opens - 14),
      });
      const territoryIds = c.territories.map((s) => places.get(s)).filter((x): x is string => x !== undefined);
      if (territoryIds.length) await tx.insert(callTerritories).values(territoryIds.map((territoryId) => ({ callId: id, territoryId })));
      // The open call's opening, as the phases job records it (calls.opened.ts): the neighbours' feeds show it.
      if (c.phase === 'open') {
        await tx.insert(activities).values({ id: newId(), kind: 'call_opened', actorId: null, subjectType: 'call', subjectId: id, territoryId: territoryIds[0] ?? null, data: { title: c.title, slug: c.slug, caisseName: caisse.name }, createdAt: at(c.days.opens) });
      }
      const questionIds = c.questions.map(() => newId());
      await tx.insert(callQuestions).values(c.questions.map((q, i) => ({ id: questionIds[i]!, callId: id, position: i, kind: q.kind, label: q.label, help: q.help ?? '', required: q.required ?? false, choices: q.choices ?? [], maxLength: q.maxLength ?? null })));
      await tx.insert(callCriteria).values(c.criteria.map((k, i) => ({ id: newId(), callId: id, position: i, ...k })));
      for (const [i, a] of c.applications.entries()) {
        const project = byTitle.get(a.project);
        if (!project) continue;
        const answers: Record<string, string | number> = {};
        const files: { questionId: string; file: DemoFile }[] = [];
        a.answers.forEach((v, j) => {
          if (typeof v === 'object') files.push({ questionId: questionIds[j]!, file: v });
          else if (v !== '') answers[questionIds[j]!] = v;
        });
        const submittedAt = a.status === 'submitted' ? at(c.days.opens + 2 + i) : null;
        const applicationId = newId();
        await tx.insert(callApplications).values({ id: applicationId, callId: id, projectId: project.id, applicantId: project.promoterId, status: a.status, requestedCents: a.requestedCents, answers, submittedAt, createdAt: at(c.days.opens + 1 + i), updatedAt: submittedAt ?? at(c.days.opens + 1 + i) });
        for (const f of files) {
          // Stored privately like an upload (ADR 0024); a crash before commit leaves an unreferenced file, never a broken row.
          const data = tinyPdf(f.file.lines);
          const mediaKey = newPrivateMediaKey('pdf');
          await privateMediaStore(deps).put(mediaKey, data);
          await tx.insert(callApplicationFiles).values({ id: newId(), applicationId, questionId: f.questionId, mediaKey, fileName: f.file.name, mime: 'application/pdf', sizeBytes: data.length, uploadedBy: project.promoterId, createdAt: at(c.days.opens + 1 + i) });
        }
      }
    });
  }
}
