/** A refused sequence input, with the 1-based line (and column) it concerns when there is one. */
export class SequenceInputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SequenceInputError';
  }
}
