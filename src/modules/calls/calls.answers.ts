import type { FieldIssue } from '../../platform/errors.js';
import { CALL_LIMITS, type ApplicationAnswers, type QuestionKind } from './calls.domain.js';

export type AnswerQuestion = { id: string; kind: QuestionKind; required: boolean; choices: readonly string[]; maxLength: number | null };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The longest text a question accepts: its own cap, else the kind's. */
export function maxLengthOf(q: Pick<AnswerQuestion, 'kind' | 'maxLength'>): number {
  const cap = q.kind === 'long_text' ? CALL_LIMITS.longText : CALL_LIMITS.shortText;
  return q.maxLength !== null ? Math.min(q.maxLength, cap) : cap;
}

/** "1 234,5" or "1234.5" → 1234.5; null when it is not a number. */
function toNumber(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
}

/**
 * Checks answers against the call's questions. Answers to unknown questions are dropped, blanks
 * are absent; `complete` (submitting) also requires every required question. Errors are keyed
 * `answers.<questionId>` so forms show them beside each question. A `file` question is answered by
 * an uploaded document (`withFile`: the questions that have one), never by a value here (ADR 0024).
 */
export function checkAnswers(questions: readonly AnswerQuestion[], input: Record<string, unknown>, complete: boolean, withFile: ReadonlySet<string> = new Set()): { answers: ApplicationAnswers; errors: Record<string, FieldIssue> } {
  const answers: ApplicationAnswers = {};
  const errors: Record<string, FieldIssue> = {};
  for (const q of questions) {
    const key = `answers.${q.id}`;
    if (q.kind === 'file') {
      if (complete && q.required && !withFile.has(q.id)) errors[key] = { key: 'validation.required' };
      continue;
    }
    const raw = input[q.id];
    if (blank(raw)) {
      if (complete && q.required) errors[key] = { key: 'validation.required' };
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      errors[key] = { key: 'validation.invalid' };
      continue;
    }
    switch (q.kind) {
      case 'short_text':
      case 'long_text': {
        const text = String(raw).trim();
        const max = maxLengthOf(q);
        if (text.length > max) errors[key] = { key: 'validation.tooLong', params: { count: max } };
        else answers[q.id] = text;
        break;
      }
      case 'number': {
        const n = toNumber(raw);
        if (n === null) errors[key] = { key: 'calls.validation.number' };
        else answers[q.id] = n;
        break;
      }
      case 'choice':
        if (!q.choices.includes(String(raw))) errors[key] = { key: 'validation.choice' };
        else answers[q.id] = String(raw);
        break;
    }
  }
  return { answers, errors };
}
