'use client';

import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { CREATE_PHOTO_UPLOAD } from '../lib/graphql/mutations';
import type { PhotoFieldsFragment as Photo } from '../lib/graphql/generated/graphql';
import { MAX_PHOTOS, PHOTO_TYPES, photoFileProblem, putPhoto } from '../lib/upload-photo';

/** One photo in the form: already stored, or on its way. */
export interface PhotoItem {
  key: string;
  /** Set once the upload is accepted. */
  photoId: string | null;
  preview: string;
  name: string;
  progress: number;
  error: string | null;
}

interface PhotoUploaderProps {
  initial: Photo[];
  /** The ids in the seller's order, and whether an upload is still running. */
  onChange(state: { photoIds: string[]; uploading: boolean }): void;
}

let nextKey = 0;

/**
 * Drop photos on the box or pick them with the button; each shows its own progress. Order
 * and removal are buttons, so the keyboard does everything the mouse does; the first photo is
 * the cover.
 */
export function PhotoUploader({ initial, onChange }: PhotoUploaderProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [createUpload] = useMutation(CREATE_PHOTO_UPLOAD);
  const [items, setItems] = useState<PhotoItem[]>(() =>
    initial.map((photo) => ({
      key: photo.id,
      photoId: photo.id,
      preview: photo.thumbnailUrl,
      name: 'Photo',
      progress: 1,
      error: null,
    })),
  );
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    onChange({
      photoIds: items.flatMap((item) => (item.photoId && !item.error ? [item.photoId] : [])),
      uploading: items.some((item) => !item.photoId && !item.error),
    });
  }, [items, onChange]);

  const update = (key: string, change: Partial<PhotoItem>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function send(item: PhotoItem, file: File) {
    try {
      const { data } = await createUpload({ variables: { contentType: file.type, byteSize: file.size } });
      if (!data) throw new Error('no upload URL');
      const answer = await putPhoto(data.createPhotoUpload.uploadUrl, file, (progress) =>
        update(item.key, { progress }),
      );
      if (answer.ok) update(item.key, { photoId: data.createPhotoUpload.photoId, progress: 1 });
      else update(item.key, { error: answer.message });
    } catch {
      update(item.key, { error: 'The photo could not be uploaded. Try again.' });
    }
  }

  function add(files: FileList | null) {
    if (!files) return;
    const room = MAX_PHOTOS - items.filter((item) => !item.error).length;
    const chosen = [...files];
    const problems: string[] = [];
    if (chosen.length > room) problems.push(`At most ${MAX_PHOTOS} photos: ${chosen.length - room} left out.`);
    const accepted: Array<[PhotoItem, File]> = [];
    for (const file of chosen.slice(0, Math.max(room, 0))) {
      const problem = photoFileProblem(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const item: PhotoItem = {
        key: `new-${nextKey++}`,
        photoId: null,
        preview: URL.createObjectURL(file),
        name: file.name,
        progress: 0,
        error: null,
      };
      accepted.push([item, file]);
    }
    setNotice(problems.length > 0 ? problems.join(' ') : null);
    setItems((current) => [...current, ...accepted.map(([item]) => item)]);
    for (const [item, file] of accepted) void send(item, file);
  }

  function move(index: number, by: -1 | 1) {
    setItems((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  }

  function remove(key: string) {
    const preview = items.find((item) => item.key === key)?.preview;
    // A local preview holds the file in memory until its URL is let go.
    if (preview?.startsWith('blob:')) URL.revokeObjectURL(preview);
    setItems((current) => current.filter((item) => item.key !== key));
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    // A locked form (the stuff reserved or sold) disables the input through its fieldset; a drop
    // is no input event, so it is refused here as well.
    if (input.current?.matches(':disabled')) return;
    add(event.dataTransfer.files);
  }

  return (
    <fieldset className="field photo-uploader">
      <legend>Photos</legend>
      <p id={`${id}-hint`} className="field-hint">
        Up to {MAX_PHOTOS} JPEG, PNG or WebP photos, 10 MB each. The first is the cover. Location and camera data are
        removed.
      </p>
      <div
        className={dragging ? 'photo-drop photo-drop-active' : 'photo-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>Drop photos here, or</p>
        <input
          ref={input}
          id={id}
          className="visually-hidden-input"
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            add(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
        <label htmlFor={id} className="button">
          Choose photos
        </label>
      </div>
      {notice ? (
        <p className="field-error" role="alert">
          {notice}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="photo-list" aria-label="Photos, in order">
          {items.map((item, index) => {
            const label = `Photo ${index + 1}${index === 0 ? ' (cover)' : ''}`;
            return (
              <li key={item.key} className="photo-item">
                <img src={item.preview} alt={label} width={96} height={96} className="photo-preview" />
                <div className="photo-item-body">
                  <span>{label}</span>
                  {item.error ? (
                    <span className="field-error">{item.error}</span>
                  ) : item.photoId ? (
                    <span className="muted">Uploaded</span>
                  ) : (
                    <progress value={item.progress} max={1} aria-label={`Uploading ${item.name}`} />
                  )}
                  <div className="photo-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => move(index, -1)}
                      disabled={index === 0}
                      aria-label={`Move ${label} earlier`}
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => move(index, 1)}
                      disabled={index === items.length - 1}
                      aria-label={`Move ${label} later`}
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => remove(item.key)}
                      aria-label={`Remove ${label}`}
                    >
                      Remove
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
    </fieldset>
  );
}
