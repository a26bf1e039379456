// "Your model": pick or drop a model folder (or a zip of it) to run it here, after the same checks as a
// bundled model (shapes, sha256 of each shard, golden vectors); see docs/model-format.md.
import { useState, type DragEvent } from 'react';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { labelOf, readDropped, readPicked, type PickedFile } from './droppedFiles';

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
      <strong>Your model:</strong> drop a model folder or its .zip here, or choose a{' '}
      <label className="file-button">
        folder
        <input
          type="file"
          aria-label="Model folder"
          disabled={busy}
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            if (e.target.files) void readPicked(e.target.files).then(bring);
            e.target.value = '';
          }}
        />
      </label>{' '}
      or{' '}
      <label className="file-button">
        .zip
        <input
          type="file"
          aria-label="Model zip"
          accept=".zip"
          disabled={busy}
          hidden
          onChange={(e) => {
            if (e.target.files) void readPicked(e.target.files).then(bring);
            e.target.value = '';
          }}
        />
      </label>{' '}
      <span className="muted">
        (model.json, weight shards and golden.json from training/export.py, or a published folder: config.json and its
        weights; it stays on this page)
      </span>
    </div>
  );
}
