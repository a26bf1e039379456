// A refused few-shot input (labels, features, groups), with the 1-based lines of a label file it concerns.

export class ProbeInputError extends Error {
  constructor(
    message: string,
    readonly lines: number[] = [],
  ) {
    super(message);
    this.name = 'ProbeInputError';
  }
}
