// The teaching gallery: real sequences from ../shared/data (cut by training/gallery.py), each with
// what to look for. Captions describe what the bundled models were seen to show.

export interface GalleryExample {
  id: string;
  title: string;
  file: string;
  /** Model to open it with (an id from public/models/index.json). */
  model: string;
  caption: string;
  /** 1-based position to focus, and a region for mutagenesis, in the record's own coordinates. */
  focus?: number;
  mutagenesis?: [number, number];
}

export const GALLERY: GalleryExample[] = [];
