import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError, type FieldIssue } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { toDocumentImage } from '../media/media.images.js';
import { privateMediaStore } from '../media/media.service.js';
import { newPrivateMediaKey } from '../media/media.storage.js';
import { callReviewsRepository } from '../call-reviews/call-reviews.repository.js';
import { applicationsRepository } from './calls.applications.repository.js';
import { applicationFilesRepository, type ApplicationFileRow } from './calls.files.repository.js';
import { callsRepository, type CallRow, type QuestionRow } from './calls.repository.js';
import { sanitiseFileName, sniffDocument } from './calls.files.js';
import { canReadApplicationFile, canRemoveFileAnswer } from './calls.policy.js';
import { acceptsSubmissions } from './calls.phase.js';
import { findCall, visibleCall } from './calls.service.js';
import { APPLICATION_FILE_TYPES, type ApplicationFileExt, type ApplicationFileMime, type ApplicationStatus } from './calls.domain.js';

type FileDeps = Pick<Deps, 'db' | 'config'>;

/** A file as the request brought it: the name the browser gave, its bytes, and whether it went over the size cap. */
export type FileUpload = { fileName: string; data: Buffer; truncated: boolean };
/** A checked (and, for images, re-encoded) document ready to be stored for a question. */
type PreparedFile = { questionId: string; data: Buffer; ext: ApplicationFileExt; mime: ApplicationFileMime; fileName: string };
/** A prepared file written to the private store, not yet recorded. */
export type StoredFile = PreparedFile & { key: string };

const megabytes = (bytes: number) => Math.round(bytes / 1_048_576);

/**
 * Checks the files sent for the call's `file` questions (others are ignored): not empty, under the
 * size cap, a PDF by its `%PDF-` magic bytes or an image re-encoded by sharp (metadata dropped).
 * Problems are field errors keyed `answers.<questionId>`, so the form shows them beside the question.
 */
export async function prepareUploads(deps: Pick<Deps, 'config'>, questions: readonly Pick<QuestionRow, 'id' | 'kind'>[], uploads: Readonly<Record<string, FileUpload>>): Promise<{ files: PreparedFile[]; errors: Record<string, FieldIssue> }> {
  const files: PreparedFile[] = [];
  const errors: Record<string, FieldIssue> = {};
  const max = deps.config.applicationFileMaxBytes;
  for (const q of questions) {
    const upload = uploads[q.id];
    if (q.kind !== 'file' || !upload) continue;
    const key = `answers.${q.id}`;
    if (upload.truncated || upload.data.length > max) { errors[key] = { key: 'calls.validation.fileTooBig', params: { max: megabytes(max) } }; continue; }
    if (upload.data.length === 0) { errors[key] = { key: 'calls.validation.fileEmpty' }; continue; }
    const ext = sniffDocument(upload.data);
    if (!ext) { errors[key] = { key: 'calls.validation.fileType' }; continue; }
    let data = upload.data;
    if (ext !== 'pdf') {
      try {
        data = (await toDocumentImage(upload.data)).data;
      } catch {
        errors[key] = { key: 'calls.validation.fileUnreadable' };
        continue;
      }
      if (data.length > max) { errors[key] = { key: 'calls.validation.fileTooBig', params: { max: megabytes(max) } }; continue; }
    }
    files.push({ questionId: q.id, data, ext, mime: APPLICATION_FILE_TYPES[ext], fileName: sanitiseFileName(upload.fileName, ext) });
  }
  return { files, errors };
}

/** Writes prepared files to the private store under new random keys (before the transaction that records them). */
export async function storeFiles(deps: Pick<Deps, 'config'>, files: readonly PreparedFile[]): Promise<StoredFile[]> {
  const store = privateMediaStore(deps);
  const stored: StoredFile[] = [];
  try {
    for (const f of files) {
      const key = newPrivateMediaKey(f.ext);
      await store.put(key, f.data);
      stored.push({ ...f, key });
    }
  } catch (err) {
    await removeFiles(deps, stored.map((s) => s.key));
    throw err;
  }
  return stored;
}

/** Records stored files as the answers of an application, in the caller's transaction; returns the keys they replaced. */
export async function recordFiles(tx: Deps['db'], applicationId: string, stored: readonly StoredFile[], uploadedBy: string): Promise<string[]> {
  const replaced: string[] = [];
  for (const f of stored) {
    const old = await applicationFilesRepository.replace(tx, { id: newId(), applicationId, questionId: f.questionId, mediaKey: f.key, fileName: f.fileName, mime: f.mime, sizeBytes: f.data.length, uploadedBy });
    if (old) replaced.push(old);
  }
  return replaced;
}

/** Removes files from the private store (new ones whose transaction failed, old ones once replaced); a missing file is not an error. */
export async function removeFiles(deps: Pick<Deps, 'config'>, keys: readonly string[]): Promise<void> {
  const store = privateMediaStore(deps);
  for (const key of keys) await store.remove(key).catch(() => undefined);
}

/**
 * Daily sweep: removes private files that no file answer names any more — left behind when a call,
 * a project or an application is deleted (the rows cascade, the disk does not) or when a process died
 * between writing a file and committing its row. Files younger than a day are left alone, so an
 * upload whose transaction is still running is never taken.
 */
export async function sweepOrphanFiles(deps: FileDeps, now = new Date()): Promise<number> {
  const store = privateMediaStore(deps);
  const old = await store.listOlderThan(new Date(now.getTime() - 86_400_000));
  let removed = 0;
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const named = await applicationFilesRepository.namedKeys(deps.db, batch);
    const orphans = batch.filter((key) => !named.has(key));
    await removeFiles(deps, orphans);
    removed += orphans.length;
  }
  return removed;
}

/** How many `file` questions the call has (the most files one application form may send). */
export async function fileQuestionCount(deps: Pick<Deps, 'db'>, actor: Actor, callIdOrSlug: string): Promise<number> {
  const call = await visibleCall(deps, actor, callIdOrSlug);
  return (await callsRepository.questions(deps.db, call.id)).filter((q) => q.kind === 'file').length;
}

/** The question ids an application already has a file for. */
export async function answeredFileQuestions(deps: Pick<Deps, 'db'>, applicationId: string): Promise<Set<string>> {
  return new Set((await applicationFilesRepository.forApplications(deps.db, [applicationId])).map((f) => f.questionId));
}

/** The files of these applications, by application id. */
export async function filesByApplication(deps: Pick<Deps, 'db'>, applicationIds: readonly string[]): Promise<Map<string, ApplicationFileRow[]>> {
  const byApp = new Map<string, ApplicationFileRow[]>();
  for (const f of await applicationFilesRepository.forApplications(deps.db, applicationIds)) byApp.set(f.applicationId, [...(byApp.get(f.applicationId) ?? []), f]);
  return byApp;
}

/** Whether this actor may read this application's files (the jury seat and conflict are looked up here). */
async function mayReadFiles(deps: Pick<Deps, 'db'>, actor: Actor | null, call: Pick<CallRow, 'id' | 'caisseId'>, application: { id: string; projectId: string; status: ApplicationStatus }): Promise<boolean> {
  if (!actor) return false;
  const [promoter, seat] = await Promise.all([applicationsRepository.isPromoter(deps.db, application.projectId, actor.id), callReviewsRepository.jurorOf(deps.db, call.id, actor.id)]);
  const conflicted = seat ? await callReviewsRepository.isConflicted(deps.db, seat.id, application.id) : false;
  return canReadApplicationFile(actor, call, application, { promoter, juror: seat !== undefined, conflicted });
}

/**
 * One application file with its bytes, for those `canReadApplicationFile` allows: visitors get
 * UNAUTHENTICATED, others FORBIDDEN; an unknown application (or one of another call) or question is
 * CALL_APPLICATION_NOT_FOUND / CALL_FILE_NOT_FOUND.
 */
export async function readApplicationFile(deps: FileDeps, actor: Actor | null, ref: { callIdOrSlug: string; applicationId: string; questionId: string }): Promise<{ file: ApplicationFileRow; data: Buffer }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const record = await applicationsRepository.findById(deps.db, ref.applicationId);
  if (!record) throw new AppError('CALL_APPLICATION_NOT_FOUND', { id: ref.applicationId });
  const call = await findCall(deps, record.callId);
  if (call.id !== ref.callIdOrSlug && call.slug !== ref.callIdOrSlug) throw new AppError('CALL_APPLICATION_NOT_FOUND', { id: ref.applicationId });
  if (!(await mayReadFiles(deps, actor, call, record))) throw new AppError('FORBIDDEN');
  const file = await applicationFilesRepository.find(deps.db, record.id, ref.questionId);
  const data = file ? await privateMediaStore(deps).get(file.mediaKey) : undefined;
  if (!file || !data) throw new AppError('CALL_FILE_NOT_FOUND');
  return { file, data };
}

/**
 * Who may upload and where, checked before the request's body is read (a stranger's 10 MB are not
 * accepted): a project's promoter, while submissions are open and the application is editable,
 * for one of the call's `file` questions.
 */
export async function uploadTarget(deps: Pick<Deps, 'db'>, actor: Actor | null, ref: { callIdOrSlug: string; applicationId: string; questionId: string }, now = new Date()): Promise<{ actor: Actor; call: CallRow; applicationId: string; question: QuestionRow }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const record = await applicationsRepository.findById(deps.db, ref.applicationId);
  if (!record) throw new AppError('CALL_APPLICATION_NOT_FOUND', { id: ref.applicationId });
  const call = await findCall(deps, record.callId);
  if (call.id !== ref.callIdOrSlug && call.slug !== ref.callIdOrSlug) throw new AppError('CALL_APPLICATION_NOT_FOUND', { id: ref.applicationId });
  if (!(await applicationsRepository.isPromoter(deps.db, record.projectId, actor.id))) throw new AppError('FORBIDDEN');
  if (!acceptsSubmissions(call, now) || !EDITABLE.includes(record.status)) throw closedFor(call);
  const question = (await callsRepository.questions(deps.db, call.id)).find((q) => q.id === ref.questionId && q.kind === 'file');
  if (!question) throw new AppError('CALL_FILE_NOT_FOUND');
  return { actor, call, applicationId: record.id, question };
}

const EDITABLE: readonly ApplicationStatus[] = ['draft', 'submitted', 'withdrawn'];
const closedFor = (call: CallRow) => new AppError('CALL_PHASE_CLOSED', { phase: call.phase, allowed: ['open'], messageParams: { phase: call.phase === 'open' ? 'review' : call.phase } });

/**
 * In the caller's transaction: takes the call's row lock, checks it still takes submissions and
 * the application is still editable (touching it), else CALL_PHASE_CLOSED; returns the application.
 */
async function lockEditable(tx: Deps['db'], call: CallRow, applicationId: string, now: Date) {
  const locked = await callsRepository.lock(tx, call.id);
  if (!locked || !acceptsSubmissions(locked, now)) throw closedFor(call);
  const touched = await applicationsRepository.update(tx, applicationId, EDITABLE, {});
  if (!touched) throw closedFor(call);
  return touched;
}

/**
 * The API's upload: a project's promoter sets (or replaces) the file answering one `file` question
 * (`uploadTarget` says who and when). The new file is stored, recorded under the call's row lock,
 * then the old one is removed.
 */
export async function uploadApplicationFile(deps: FileDeps, actor: Actor | null, ref: { callIdOrSlug: string; applicationId: string; questionId: string }, upload: FileUpload | null, now = new Date()): Promise<{ file: ApplicationFileRow; callId: string }> {
  const target = await uploadTarget(deps, actor, ref, now);
  const { call, question, applicationId } = target;
  if (!upload) throw validationError({ file: { key: 'validation.required' } });
  const { files, errors } = await prepareUploads(deps, [question], { [question.id]: upload });
  const issue = errors[`answers.${question.id}`];
  if (issue || !files[0]) throw validationError({ file: issue ?? { key: 'validation.required' } });
  const stored = await storeFiles(deps, files);
  let replaced: string[];
  try {
    replaced = await deps.db.transaction(async (tx) => {
      await lockEditable(tx, call, applicationId, now);
      const old = await recordFiles(tx, applicationId, stored, target.actor.id);
      await audit(tx, { actorId: target.actor.id, action: 'calls.application.file', subjectType: 'call_application', subjectId: applicationId, data: { questionId: question.id, mime: files[0]!.mime, sizeBytes: files[0]!.data.length } });
      return old;
    });
  } catch (err) {
    await removeFiles(deps, stored.map((s) => s.key));
    throw err;
  }
  await removeFiles(deps, replaced);
  const file = await applicationFilesRepository.find(deps.db, applicationId, question.id);
  if (!file) throw new AppError('CALL_FILE_NOT_FOUND');
  return { file, callId: call.id };
}

/**
 * A project's promoter removes the file answering one question, under the same rules as uploading
 * (`uploadTarget`), and `canRemoveFileAnswer`: a required question of a submitted application is
 * CALL_FILE_REQUIRED (409). The row goes under the call's row lock; the bytes once committed.
 */
export async function removeApplicationFile(deps: FileDeps, actor: Actor | null, ref: { callIdOrSlug: string; applicationId: string; questionId: string }, now = new Date()): Promise<{ callSlug: string; applicationId: string }> {
  const target = await uploadTarget(deps, actor, ref, now);
  const { call, question, applicationId } = target;
  const removed = await deps.db.transaction(async (tx) => {
    const touched = await lockEditable(tx, call, applicationId, now);
    if (!canRemoveFileAnswer(question, touched.status)) throw new AppError('CALL_FILE_REQUIRED', { questionId: question.id });
    const row = await applicationFilesRepository.remove(tx, applicationId, question.id);
    if (!row) throw new AppError('CALL_FILE_NOT_FOUND');
    await audit(tx, { actorId: target.actor.id, action: 'calls.application.file.removed', subjectType: 'call_application', subjectId: applicationId, data: { questionId: question.id } });
    return row.mediaKey;
  });
  await removeFiles(deps, [removed]);
  return { callSlug: call.slug, applicationId };
}
