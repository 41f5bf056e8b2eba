/** Strings of the media module (its error messages), fr-CA first; the parity test compares both sides. */
export const fr = {
  errors: {
    IMAGE_INVALID: 'Cette image n’est pas valide (JPEG, PNG, WebP ou GIF, 8 Mo et 40 mégapixels au plus).',
  },
};

export const en: typeof fr = {
  errors: {
    IMAGE_INVALID: 'This image is not valid (JPEG, PNG, WebP or GIF, at most 8 MB and 40 megapixels).',
  },
};
