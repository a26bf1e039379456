// Bring a BED, GFF3 or GTF file (picked or dropped on the track panel; .gz read through the browser's own
// gzip stream): it is read here, on this computer, and its features are drawn on the analysed region.
import { useState } from 'react';
import { readFeatureFile, type GenomicFeature } from '../genome/featureFile';

export interface FeatureFile {
  name: string;
  features: GenomicFeature[];
}

/** The file's text, gunzipped when its name ends in .gz. */
async function textOf(f: File): Promise<string> {
  if (!/\.gz$/i.test(f.name)) return f.text();
  return new Response(f.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** Larger files are refused: the whole text is held in memory, so a genome-wide annotation is cut first. */
export const MAX_FEATURE_FILE_MB = 100;

/** Read a file into features, or say why not. */
export async function loadFeatureFile(f: File): Promise<FeatureFile> {
  if (f.size > MAX_FEATURE_FILE_MB * 2 ** 20)
    throw new Error(
      `${f.name} is ${(f.size / 2 ** 20).toFixed(0)} MB; this page reads annotation files ` +
        `up to ${MAX_FEATURE_FILE_MB} MB. ` +
        'Cut it to the chromosome or region first (tabix file.gz chr17:41000000-41300000, or grep the chromosome).',
    );
  let text: string;
  try {
    text = await textOf(f);
  } catch (e) {
    throw new Error(`${f.name} could not be read${/\.gz$/i.test(f.name) ? ' as gzip' : ''}: ${(e as Error).message}`);
  }
  return { name: f.name, features: readFeatureFile(text, f.name).features };
}

export function FeatureFileInput({ onLoad }: { onLoad: (file: FeatureFile | null, error?: string) => void }) {
  const [busy, setBusy] = useState(false);
  const read = async (f: File) => {
    setBusy(true);
    try {
      onLoad(await loadFeatureFile(f));
    } catch (e) {
      onLoad(null, (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="file-label">
      {busy ? 'Reading…' : 'Add BED / GFF3 / GTF'}{' '}
      <input
        type="file"
        aria-label="Annotation file (BED, GFF3 or GTF)"
        accept=".bed,.gff,.gff3,.gtf,.gz,text/plain"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void read(f);
          e.target.value = '';
        }}
      />
    </label>
  );
}
