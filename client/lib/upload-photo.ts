/** What the storefront lets a seller pick; the gateway refuses anything else anyway. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 6;

/** Why a file cannot be a photo, before anything is sent; null when it may be. */
export function photoFileProblem(file: File): string | null {
  if (!PHOTO_TYPES.includes(file.type)) return `${file.name} is not a JPEG, PNG or WebP image.`;
  if (file.size > MAX_PHOTO_BYTES) return `${file.name} is larger than 10 MB.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/**
 * PUTs the file to its signed upload URL. XMLHttpRequest rather than fetch: only it reports
 * upload progress. Resolves with the answer's message on refusal.
 */
export function putPhoto(
  uploadUrl: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', uploadUrl);
    request.setRequestHeader('content-type', file.type);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) return resolve({ ok: true });
      let message = 'The photo was refused.';
      try {
        const body = JSON.parse(request.responseText) as {
          errors?: Array<{ extensions?: { fields?: Array<{ message: string }> } }>;
        };
        message = body.errors?.[0]?.extensions?.fields?.[0]?.message ?? message;
      } catch {
        // Not our JSON (a proxy's page): the generic message will do.
      }
      resolve({ ok: false, message });
    };
    request.onerror = () => resolve({ ok: false, message: 'The upload failed; check the connection.' });
    request.send(file);
  });
}
