type Form = Record<string, unknown>;

const blankToNull = (body: Form, fields: readonly string[]) => {
  for (const f of fields) if (body[f] === '' || body[f] === undefined) body[f] = null;
};

/** The incident form as filled (text, yes/no) → the API's body. Unknown input stays as typed, for the schema to explain. */
export function incidentFormToBody(form: unknown): Form {
  const { _csrf: _drop, ...body } = { ...(form as Form) };
  blankToNull(body, ['occurredOn', 'caiNotifiedOn', 'peopleNotifiedOn']);
  if (typeof body.peopleConcerned === 'string' && /^\s*\d{1,9}\s*$/.test(body.peopleConcerned)) body.peopleConcerned = Number(body.peopleConcerned);
  else if (body.peopleConcerned === '') delete body.peopleConcerned;
  if (body.seriousRisk === 'yes' || body.seriousRisk === 'no') body.seriousRisk = body.seriousRisk === 'yes';
  else if (body.seriousRisk === '') delete body.seriousRisk;
  return body;
}

/** The request form → the API's body (the "link the account" box is absent when unticked). */
export function requestFormToBody(form: unknown): Form {
  const { _csrf: _drop, ...body } = { ...(form as Form) };
  blankToNull(body, ['answeredOn', 'extendedUntil']);
  body.linkAccount = body.linkAccount === 'on';
  return body;
}

/** An incident or request view as its form shows it again. */
export function toFormValues(view: Record<string, unknown>): Form {
  const values: Form = {};
  for (const [key, value] of Object.entries(view)) {
    if (typeof value === 'boolean') values[key] = key === 'seriousRisk' ? (value ? 'yes' : 'no') : value ? 'on' : '';
    else if (value === null) values[key] = '';
    else if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
  }
  return values;
}
