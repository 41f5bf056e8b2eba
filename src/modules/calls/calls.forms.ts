import { toMontrealLocal } from './calls.dates.js';
import type { CallView, CallApplicationView } from './calls.presenter.js';

type Form = Record<string, unknown>;
const DATES = ['opensAt', 'submissionsCloseAt', 'reviewEndsAt', 'voteOpensAt', 'voteClosesAt', 'resultsAt'] as const;
const MONEY = ['budgetCents', 'maxPerProjectCents'] as const;

/** "2 000,50 $" → cents; anything else stays as typed, so the schema says it is not valid. */
function dollarsToCents(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 100) : value;
}

/** `questions.2.label` → rows[2].label, in index order (gaps closed). */
export function rowsOf(form: Form, prefix: string): Form[] {
  const rows = new Map<number, Form>();
  const re = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(form)) {
    const m = re.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]!]: value });
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** Whether a form row holds anything (a blank added row is dropped, not refused). */
const filled = (row: Form, keys: string[]) => keys.some((k) => typeof row[k] === 'string' && (row[k]).trim() !== '');

/**
 * The call form as people fill it → the API's body: dollars → cents, rows → arrays (blank rows
 * dropped), an unticked box → false. `edit` of a published call sends only the unlocked fields.
 */
export function callFormToBody(form: Form, mode: 'create' | 'edit' | 'edit-published'): Form {
  const body: Form = {};
  const pick = (k: string) => {
    if (form[k] !== undefined) body[k] = form[k];
  };
  pick('description');
  for (const d of DATES) body[d] = form[d] ?? '';
  if (mode === 'edit-published') {
    for (const d of DATES) if (body[d] === '') delete body[d];
    return body;
  }
  for (const k of ['title', 'theme', 'language', 'votesPerMember', 'juryWeightPercent']) pick(k);
  if (mode === 'create') pick('caisse');
  for (const m of MONEY) body[m] = dollarsToCents(form[m]);
  body.membersOnly = form.membersOnly === 'on' || form.membersOnly === 'true';
  body.territories = form.territories ?? [];
  body.allowedOrganisationKinds = form.allowedOrganisationKinds ?? [];
  body.questions = rowsOf(form, 'questions').filter((r) => filled(r, ['label'])).map((r) => ({ ...r, required: r.required === 'on' }));
  body.criteria = rowsOf(form, 'criteria').filter((r) => filled(r, ['label', 'description']));
  return body;
}

/** A call's values as its edit form shows them. */
export function callToFormValues(c: CallView): Form {
  const values: Form = {
    title: c.title, theme: c.theme, description: c.description, language: c.language, membersOnly: c.membersOnly ? 'on' : '',
    territories: c.territories.map((x) => x.slug), allowedOrganisationKinds: c.allowedOrganisationKinds,
    budgetCents: String(c.budgetCents / 100), maxPerProjectCents: String(c.maxPerProjectCents / 100),
    opensAt: toMontrealLocal(new Date(c.opensAt)), submissionsCloseAt: toMontrealLocal(new Date(c.submissionsCloseAt)), reviewEndsAt: toMontrealLocal(new Date(c.reviewEndsAt)),
    voteOpensAt: c.vote ? toMontrealLocal(new Date(c.vote.opensAt)) : '', voteClosesAt: c.vote ? toMontrealLocal(new Date(c.vote.closesAt)) : '',
    resultsAt: toMontrealLocal(new Date(c.resultsAt)), votesPerMember: c.vote ? String(c.vote.votesPerMember) : '', juryWeightPercent: String(c.juryWeightPercent),
  };
  c.questions.forEach((q, i) => {
    Object.assign(values, { [`questions.${i}.kind`]: q.kind, [`questions.${i}.label`]: q.label, [`questions.${i}.help`]: q.help, [`questions.${i}.required`]: q.required ? 'on' : '', [`questions.${i}.choices`]: q.choices.join('\n'), [`questions.${i}.maxLength`]: q.maxLength === null ? '' : String(q.maxLength) });
  });
  c.criteria.forEach((k, i) => {
    Object.assign(values, { [`criteria.${i}.label`]: k.label, [`criteria.${i}.description`]: k.description, [`criteria.${i}.weight`]: String(k.weight) });
  });
  return values;
}

/** Adds an empty row or removes one (the "add a question" / "remove" buttons work without JS). */
export function editRows(form: Form, add: unknown, remove: unknown): Form {
  const out: Form = {};
  const [prefix, index] = typeof remove === 'string' ? remove.split(':') : [];
  for (const [k, v] of Object.entries(form)) {
    if (prefix && k.startsWith(`${prefix}.${index}.`)) continue;
    out[k] = v;
  }
  if (add === 'questions' || add === 'criteria') {
    const n = Math.max(-1, ...Object.keys(form).map((k) => new RegExp(`^${add}\\.(\\d+)\\.`).exec(k)).filter(Boolean).map((m) => Number(m![1]))) + 1;
    out[`${add}.${n}.label`] = '';
    if (add === 'questions') out[`${add}.${n}.kind`] = 'short_text';
    else out[`${add}.${n}.weight`] = '1';
  }
  return out;
}

/** The application form → the API body: answers.<id> fields → `answers`, dollars → cents. */
export function applicationFormToBody(form: Form): Form {
  const answers: Form = {};
  for (const [k, v] of Object.entries(form)) if (k.startsWith('answers.')) answers[k.slice('answers.'.length)] = v;
  const body: Form = { answers, requestedCents: dollarsToCents(form.requestedCents) ?? null };
  if (form.project !== undefined) body.project = form.project;
  return body;
}

/** An application's values as its edit form shows them. */
export function applicationToFormValues(a: CallApplicationView): Form {
  const values: Form = { project: a.project.id, requestedCents: a.requestedCents === null ? '' : String(a.requestedCents / 100) };
  for (const [id, v] of Object.entries(a.answers)) values[`answers.${id}`] = String(v);
  return values;
}
