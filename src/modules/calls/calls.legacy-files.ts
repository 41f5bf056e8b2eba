import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { audit } from '../../platform/audit.js';
import { mediaStore } from '../media/media.service.js';
import { MEDIA_KEY } from '../media/media.storage.js';
import { applicationFilesRepository } from './calls.files.repository.js';
import { sniffDocument } from './calls.files.js';
import { removeFiles, storeFiles } from './calls.files.service.js';

type UpgradeDeps = Pick<Deps, 'db' | 'config'>;

/**
 * Data upgrade (ADR 0024, run at every start, idempotent): before private files, a `file`
 * question was answered by typing a public media key into a text field, kept in `answers`. Each such
 * value is taken out of `answers` (the API no longer echoes a key anyone could read); when it names
 * a public WebP that exists and the question has no file yet, the image is copied into the private
 * store and recorded as the file answer, so the promoter, staff and jury keep it. The public copy is
 * left alone (another page may show it). Each value is audited (`calls.application.legacy_file`,
 * with whether it moved). Returns how many values were handled; a start with none costs one query.
 */
export async function moveLegacyFileAnswers(deps: UpgradeDeps): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await applicationFilesRepository.legacyAnswers(deps.db, 100);
    if (batch.length === 0) return handled;
    for (const answer of batch) {
      const data = !answer.hasFile && typeof answer.value === 'string' && MEDIA_KEY.test(answer.value) ? await mediaStore(deps).get(answer.value) : undefined;
      const stored = data && sniffDocument(data) === 'webp' ? (await storeFiles(deps, [{ questionId: answer.questionId, data, ext: 'webp', mime: 'image/webp', fileName: 'document.webp' }]))[0] : undefined;
      let kept = false;
      try {
        kept = await deps.db.transaction(async (tx) => {
          const recorded = stored ? await applicationFilesRepository.insertIfNone(tx, { id: newId(), applicationId: answer.applicationId, questionId: answer.questionId, mediaKey: stored.key, fileName: stored.fileName, mime: stored.mime, sizeBytes: stored.data.length, uploadedBy: answer.applicantId }) : false;
          await applicationFilesRepository.dropAnswer(tx, answer.applicationId, answer.questionId);
          await audit(tx, { actorId: null, action: 'calls.application.legacy_file', subjectType: 'call_application', subjectId: answer.applicationId, data: { questionId: answer.questionId, moved: recorded } });
          return recorded;
        });
      } finally {
        if (stored && !kept) await removeFiles(deps, [stored.key]);
      }
      handled++;
    }
  }
}
