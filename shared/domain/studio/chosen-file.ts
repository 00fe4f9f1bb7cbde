/** The file of an upload form, or undefined when none was chosen: browsers then still send an unnamed, empty file. */
export const chosenFile = (field: unknown): File | undefined =>
  field instanceof File && !(field.size === 0 && field.name === '') ? field : undefined;
