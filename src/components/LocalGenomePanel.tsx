// Open a genome from disk (.2bit, or FASTA + .fai [+ .gzi]), type a region, and analyse it as if pasted:
// the files are read through Blob slices in this page, never uploaded; only the region's bases are read.
import { useState, type DragEvent } from 'react';
import { LocalGenomeError, openLocalGenome, readRegion, type LocalGenome } from '../genome/localGenome';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';

export function LocalGenomePanel() {
  const busy = useApp(selectBusy);
  const model = useApp((s) => s.model);
  const [genome, setGenome] = useState<LocalGenome | null>(null);
  const [region, setRegion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const say = (e: unknown) =>
    setError(e instanceof LocalGenomeError ? e.message : `Could not read the genome: ${(e as Error).message}`);

  const open = async (files: File[]) => {
    if (!files.length) return;
    setError(null);
    try {
      setGenome(await openLocalGenome(files));
    } catch (e) {
      setGenome(null);
      say(e);
    }
  };
  const analyse = async () => {
    if (!genome) return;
    setError(null);
    let text: string;
    try {
      text = await readRegion(genome, region);
    } catch (e) {
      say(e);
      return;
    }
    const st = useApp.getState();
    st.setInput(text);
    await st.run();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    void open([...e.dataTransfer.files]);
  };

  return (
    <section className="panel" aria-labelledby="genome-h" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      <h2 id="genome-h">Genome on your disk</h2>
      <p className="muted">
        A .2bit, or a FASTA with its .fai (bgzipped: with .gzi too), chosen or dropped here. It stays on your computer:
        only the region you type is read, and its sequence is what the share link holds.
      </p>
      <div className="row">
        <label htmlFor="genome-files">Genome files</label>
        <input
          id="genome-files"
          type="file"
          multiple
          accept=".2bit,.fa,.fasta,.fna,.fas,.gz,.bgz,.fai,.gzi"
          onChange={(e) => void open([...(e.target.files ?? [])])}
        />
      </div>
      {genome && (
        <p data-testid="genome-info">
          {genome.label}: {genome.sequences.length.toLocaleString('en-US')} sequences (
          {genome.sequences
            .slice(0, 5)
            .map((s) => s.name)
            .join(', ')}
          {genome.sequences.length > 5 ? ', …' : ''})
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void analyse();
        }}
      >
        <label htmlFor="genome-region">Region</label>
        <input
          id="genome-region"
          type="text"
          value={region}
          placeholder="chr17:41,196,312-41,277,500"
          spellCheck={false}
          onChange={(e) => setRegion(e.target.value)}
        />
        <button type="submit" disabled={!genome || !model || busy || !region.trim()}>
          Analyse region
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="genome-error">
          {error}
        </p>
      )}
    </section>
  );
}
