/** The crowdfunding domain's closed sets; `crowdfunding.tables.ts` uses them and re-exports them. */
export const CAMPAIGN_MODELS = ['all_or_nothing', 'keep_it_all'] as const;
export type CampaignModel = (typeof CAMPAIGN_MODELS)[number];
/** `running` until the end date; then all-or-nothing `succeeded` | `failed`, keep-it-all `ended` (the money is kept either way). */
export const CAMPAIGN_STATUSES = ['running', 'succeeded', 'failed', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** A promoter's reported amount: counted only once staff of a serving caisse confirm it. */
export const SNAPSHOT_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];
/** The link preview (title and image read from the campaign page by a background job). */
export const PREVIEW_STATUSES = ['pending', 'ready', 'failed'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];
