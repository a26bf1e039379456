// "Your model": pick or drop a model folder (or a zip of it) to run it here, after the same checks as a
// bundled model (shapes, sha256 of each shard, golden vectors); see docs/model-format.md.
import { useState, type DragEvent } from 'react';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { labelOf, readDropped, readPicked, type PickedFile } from './droppedFiles';
import { FileButton } from './FileButton';

export function BringModel() {
  const bringModel = useApp((s) => s.bringModel);
  const busy = useApp(selectBusy);
  const [over, setOver] = useState(false);
  const bring = async (files: PickedFile[]) => {
    if (files.length) await bringModel(files, labelOf(files));
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!busy) await bring(await readDropped(e.dataTransfer));
  };
  const picked = (list: FileList) => void readPicked(list).then(bring);
  return (
    <div
      className={`bring-model${over ? ' over' : ''}`}
      data-testid="bring-model"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <h3>Your model</h3>
      <p className="small muted">
        Drop a model folder or its .zip here, or choose one: model.json, weight shards and golden.json from
        training/export.py, or a published config.json with its weights. It stays on this page.
      </p>
      <div className="row">
        <FileButton inputLabel="Model folder" folder disabled={busy} onFiles={picked}>
          Choose a model folder…
        </FileButton>
        <FileButton inputLabel="Model zip" accept=".zip" disabled={busy} onFiles={picked}>
          Choose a model .zip…
        </FileButton>
      </div>
    </div>
  );
}
