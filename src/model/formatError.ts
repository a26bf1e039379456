// The error every model-file check throws: its message names the file, the key, and what was expected against
// what was found, and the page shows it as it is.

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}
