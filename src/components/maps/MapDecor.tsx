// A map's axes and colour bar as canvases, each redrawn only when what it shows changes.
import { useCallback } from 'react';
import {
  COL_AXIS_HEIGHT,
  describeAxis,
  drawColAxis,
  drawRowAxis,
  ROW_AXIS_WIDTH,
  type AxisSpec,
} from '../../render/axis';
import { COLOR_BAR_WIDTH, describeColorBar, drawColorBar, type ColorBarSpec } from '../../render/colorBar';
import { PlotCanvas } from './PlotCanvas';

export function MapAxis({ spec, rows, testId }: { spec: AxisSpec; rows: boolean; testId: string }) {
  const { first, span, length, coordStart, sequence, title } = spec;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const a = { first, span, length, coordStart, sequence, title };
      if (rows) drawRowAxis(ctx, a);
      else drawColAxis(ctx, a);
    },
    [rows, first, span, length, coordStart, sequence, title],
  );
  return (
    <PlotCanvas
      width={rows ? ROW_AXIS_WIDTH : length}
      height={rows ? length : COL_AXIS_HEIGHT}
      draw={draw}
      label={describeAxis(spec)}
      testId={testId}
    />
  );
}

export function MapColorBar({ bar, height, testId }: { bar: ColorBarSpec; height: number; testId: string }) {
  const { title, saturates } = bar;
  const { log, vmax } = bar.scale;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => drawColorBar(ctx, { scale: { log, vmax }, title, saturates }, height),
    [log, vmax, title, saturates, height],
  );
  return (
    <PlotCanvas width={COLOR_BAR_WIDTH} height={height} draw={draw} label={describeColorBar(bar)} testId={testId} />
  );
}
