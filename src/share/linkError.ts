// What a share link or session file that cannot be opened is refused with: a message for the page to show.

export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}
