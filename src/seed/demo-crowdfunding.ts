import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { users } from '../modules/auth/auth.tables.js';
import { caisses } from '../modules/caisses/caisses.tables.js';
import { projects } from '../modules/projects/projects.tables.js';
import { crowdfundingSnapshots } from '../modules/crowdfunding/crowdfunding.tables.js';
import { crowdfundingRepository } from '../modules/crowdfunding/crowdfunding.repository.js';
import { settleLocked } from '../modules/crowdfunding/crowdfunding.settle.service.js';
import { storePreviewImage } from '../modules/crowdfunding/crowdfunding.preview.service.js';
import { montrealDay } from '../modules/delegates/delegates.dates.js';

const DAY = 86_400_000;
type Snapshot = { raisedCents: number; backers: number; note: string; daysAgo: number; status: 'pending' | 'confirmed' | 'rejected'; reason?: string };
type CampaignSeed = {
  project: string; promoter: string; staff: string; caisse: string; url: string; goalCents: number; endsInDays: number; model: 'all_or_nothing' | 'keep_it_all';
  previewTitle: string; colours: [string, string]; match: { ratioPercent: number; capCents: number }; snapshots: Snapshot[];
};

/**
 * Two La Ruche campaigns: the Fabre street fridge's, running, with amounts confirmed by the Plateau
 * caisse (one waiting) and its matchfunding (1:1 up to $2,500); the des Prairies garden's, all or
 * nothing, ended below its goal ten days ago, so it failed and its amounts count nowhere.
 */
const CAMPAIGNS: CampaignSeed[] = [
  {
    project: 'Frigo communautaire de la rue Fabre', promoter: 'marie-eve-tremblay', staff: 'audrey-st-onge', caisse: 'plateau-mont-royal',
    url: 'https://laruchequebec.com/fr/projets/frigo-communautaire-fabre', goalCents: 600_000, endsInDays: 18, model: 'all_or_nothing',
    previewTitle: 'Un deuxième frigo pour la rue Fabre — La Ruche', colours: ['#b3471d', '#fbe3c8'], match: { ratioPercent: 100, capCents: 250_000 },
    snapshots: [
      { raisedCents: 95_000, backers: 31, note: 'Première semaine : merci aux voisins!', daysAgo: 12, status: 'confirmed' },
      { raisedCents: 250_000, backers: 64, note: 'Montant affiché sur La Ruche après la fête de ruelle.', daysAgo: 9, status: 'rejected', reason: 'La page de La Ruche affichait 2 150 $, pas 2 500 $ : pouvez-vous vérifier?' },
      { raisedCents: 215_000, backers: 64, note: 'Montant corrigé.', daysAgo: 8, status: 'confirmed' },
      { raisedCents: 262_500, backers: 79, note: 'Après l’article dans le journal de quartier.', daysAgo: 1, status: 'pending' },
    ],
  },
  {
    project: 'Jardin collectif des Prairies', promoter: 'sophie-lavoie', staff: 'karim-benali', caisse: 'cite-du-nord-de-montreal',
    url: 'https://laruchequebec.com/fr/projets/serre-jardin-des-prairies', goalCents: 400_000, endsInDays: -10, model: 'all_or_nothing',
    previewTitle: 'Une serre pour le jardin des Prairies — La Ruche', colours: ['#4d7c0f', '#fef3c7'], match: { ratioPercent: 100, capCents: 100_000 },
    snapshots: [
      { raisedCents: 60_000, backers: 18, note: 'Lancement de la campagne.', daysAgo: 35, status: 'confirmed' },
      { raisedCents: 124_000, backers: 37, note: 'Dernier montant avant la fin.', daysAgo: 11, status: 'confirmed' },
    ],
  },
];

/** A campaign page's picture, drawn locally (the seed never reaches the network), stored through the media pipeline. */
async function previewPicture(colours: [string, string]): Promise<Buffer> {
  const [bg, fg] = colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><rect width="800" height="450" fill="${bg}"/><rect x="70" y="250" width="660" height="40" rx="20" fill="${fg}" opacity="0.4"/><rect x="70" y="250" width="300" height="40" rx="20" fill="${fg}"/><circle cx="650" cy="120" r="70" fill="${fg}" opacity="0.8"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Demo crowdfunding campaigns; a project that already has one (or is missing) is left as it is. */
export async function seedDemoCrowdfunding(deps: Deps, now = new Date()): Promise<void> {
  const db = deps.db;
  const handles = CAMPAIGNS.flatMap((c) => [c.promoter, c.staff]);
  const people = new Map((await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map((u) => [u.handle, u.id]));
  for (const c of CAMPAIGNS) {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.title, c.project)).limit(1);
    const [caisse] = await db.select({ id: caisses.id }).from(caisses).where(eq(caisses.slug, c.caisse)).limit(1);
    const promoterId = people.get(c.promoter);
    const staffId = people.get(c.staff);
    if (!project || !caisse || !promoterId || !staffId || (await crowdfundingRepository.findByProject(db, project.id))) continue;
    const image = await storePreviewImage(deps, await previewPicture(c.colours));
    const endsOn = new Date(now.getTime() + c.endsInDays * DAY).toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      const campaign = await crowdfundingRepository.upsert(tx, { id: newId(), projectId: project.id, url: c.url, platform: 'La Ruche', goalCents: c.goalCents, endsAt: montrealDay(endsOn, 'end'), model: c.model, createdBy: promoterId, createdAt: new Date(now.getTime() - 40 * DAY) });
      await crowdfundingRepository.setPreview(tx, campaign.id, { status: 'ready', title: c.previewTitle, imageKey: image.storageKey, imageWidth: image.width, imageHeight: image.height });
      await crowdfundingRepository.setMatch(tx, campaign.id, { caisseId: caisse.id, ratioPercent: c.match.ratioPercent, capCents: c.match.capCents, setBy: staffId });
      for (const s of c.snapshots) {
        const takenAt = new Date(now.getTime() - s.daysAgo * DAY);
        const decided = s.status === 'pending' ? {} : { decidedBy: staffId, decidedAt: new Date(takenAt.getTime() + 5 * 3_600_000), rejectReason: s.reason ?? '' };
        await tx.insert(crowdfundingSnapshots).values({ id: newId(), campaignId: campaign.id, raisedCents: s.raisedCents, backers: s.backers, note: s.note, status: s.status, submittedBy: promoterId, takenAt, ...decided });
      }
      const latest = await crowdfundingRepository.latestConfirmed(tx, campaign.id);
      const current = latest ? await crowdfundingRepository.setRaised(tx, campaign.id, { raisedCents: latest.raisedCents, backers: latest.backers, raisedAsOf: latest.takenAt, confirmedAt: latest.decidedAt }) : campaign;
      // The ended campaign is decided as the settlement job would: failed, with its notices.
      await settleLocked(tx, deps, current, now);
    });
  }
}
