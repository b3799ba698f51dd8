'use client';

import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { CATEGORIES, isCategory } from '../lib/categories';
import { describeError } from '../lib/describe-error';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { CREATE_STUFF, UPDATE_STUFF } from '../lib/graphql/mutations';
import type { Category, PhotoFieldsFragment as Photo } from '../lib/graphql/generated/graphql';
import { parsePrice, priceInputValue } from '../lib/money';
import { stuffFormProblems } from '../lib/stuff-form-rules';
import { FormAlert } from './form-alert';
import { PhotoUploader } from './photo-uploader';
import { SelectField } from './select-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

const INPUTS = ['title', 'description', 'price', 'currency', 'category', 'photoIds'] as const;
/** The API takes minor units; people type a price. */
const ALIASES = { priceCents: 'price' };

const CURRENCIES = [
  { value: 'usd', label: 'US dollar (USD)' },
  { value: 'eur', label: 'Euro (EUR)' },
  { value: 'gbp', label: 'Pound sterling (GBP)' },
  { value: 'cad', label: 'Canadian dollar (CAD)' },
  { value: 'aud', label: 'Australian dollar (AUD)' },
  { value: 'chf', label: 'Swiss franc (CHF)' },
];

/** Why the catalog refuses an edit, in the seller's terms. */
const REFUSED_EDITS = {
  STUFF_RESERVED:
    'A buyer is checking this stuff out, so it cannot be edited now. Try again once the reservation ends.',
  STUFF_SOLD: 'This stuff has been sold, so it can no longer be edited.',
  FORBIDDEN: 'Only the seller can edit this stuff.',
  NOT_FOUND: 'This stuff no longer exists.',
};

interface StuffFormProps {
  /**
   * Why the stuff cannot be edited now (reserved or sold): the whole form is then shown
   * disabled under this reason, rather than refused after Save.
   */
  locked?: string | null;
  /** Absent: sell something new. */
  stuff?: {
    id: string;
    title: string;
    description: string;
    priceCents: number;
    currency: string;
    category: Category;
    photos: Photo[];
  };
}

/** Takes the seller to the first field to fix, in the form's order, as a screen reader would meet it. */
function focusFirstProblem(form: HTMLFormElement, problems: Record<string, string>): void {
  const first = INPUTS.find((input) => problems[input]);
  const element = first ? form.elements.namedItem(first) : null;
  if (element instanceof HTMLElement) element.focus();
}

export function StuffForm({ stuff, locked = null }: StuffFormProps) {
  const router = useRouter();
  const [createStuff, creating] = useMutation(CREATE_STUFF);
  const [updateStuff, updating] = useMutation(UPDATE_STUFF);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [photos, setPhotos] = useState({ photoIds: stuff?.photos.map((photo) => photo.id) ?? [], uploading: false });
  const photosChanged = useCallback((state: typeof photos) => setPhotos(state), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currency = stuff?.currency ?? String(form.get('currency') ?? 'usd');
    const title = String(form.get('title') ?? '');
    const description = String(form.get('description') ?? '');
    const chosen = form.get('category');
    const category = isCategory(chosen) ? chosen : 'OTHER';
    const price = String(form.get('price') ?? '');
    const problems = stuffFormProblems({ title, description, price, currency });
    const priceCents = parsePrice(price, currency);
    if (Object.keys(problems).length > 0 || priceCents === null) {
      setErrors({
        fields: problems,
        summary: photos.uploading
          ? 'Please correct the fields marked below, and wait until every photo has finished uploading.'
          : 'Please correct the fields marked below.',
      });
      focusFirstProblem(event.currentTarget, problems);
      return;
    }
    if (photos.uploading) {
      setErrors({ fields: {}, summary: 'Wait until every photo has finished uploading.' });
      return;
    }
    setErrors(NO_FORM_ERRORS);
    const { photoIds } = photos;
    try {
      if (stuff) {
        await updateStuff({
          variables: { id: stuff.id, input: { title, description, priceCents, category, photoIds } },
        });
        router.push(`/stuff/${stuff.id}`);
        router.refresh();
      } else {
        const { data } = await createStuff({
          variables: { input: { title, description, priceCents, currency, category, photoIds } },
        });
        if (data) router.push(`/stuff/${data.createStuff.id}`);
      }
    } catch (error) {
      setErrors(toFormErrors(describeError(error, stuff ? REFUSED_EDITS : {}), INPUTS, ALIASES));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={locked ? 'stuff-form-locked' : undefined}>
      {locked ? (
        <p className="notice" id="stuff-form-locked" role="note">
          {locked}
        </p>
      ) : null}
      <FormAlert message={errors.summary} />
      {/* A disabled fieldset disables every input and button inside it, Save included. */}
      <fieldset className="form-fields" disabled={Boolean(locked)}>
        <TextField
          name="title"
          label="Title"
          defaultValue={stuff?.title}
          required
          maxLength={200}
          error={errors.fields.title}
        />
        <TextField
          name="description"
          label="Description"
          multiline
          defaultValue={stuff?.description}
          hint="Condition, edition, where to pick it up: anything a buyer should know."
          maxLength={5000}
          error={errors.fields.description}
        />
        <TextField
          name="price"
          label="Price"
          inputMode="decimal"
          defaultValue={stuff ? priceInputValue(stuff.priceCents, stuff.currency) : undefined}
          hint={stuff ? `In ${stuff.currency.toUpperCase()}.` : 'For example 12.50.'}
          required
          error={errors.fields.price}
        />
        <SelectField
          name="category"
          label="Category"
          options={CATEGORIES}
          defaultValue={stuff?.category ?? 'OTHER'}
          error={errors.fields.category}
        />
        {stuff ? null : (
          <SelectField
            name="currency"
            label="Currency"
            options={CURRENCIES}
            defaultValue="usd"
            error={errors.fields.currency}
          />
        )}
        <PhotoUploader initial={stuff?.photos ?? []} onChange={photosChanged} />
        {errors.fields.photoIds ? <p className="field-error">{errors.fields.photoIds}</p> : null}
        <SubmitButton
          busy={creating.loading || updating.loading}
          label={stuff ? 'Save changes' : 'Put it on sale'}
          busyLabel="Saving…"
        />
      </fieldset>
    </form>
  );
}
