// A stretch of the analysed record typed as two numbers, 1-based and inclusive (mutagenesis, the dependency map);
// the panel that owns it says which stretches it accepts.
export interface BaseRange {
  from: number;
  to: number;
}

export function RangeInputs(props: {
  /** Prefix of the two inputs' ids (`${id}-from`, `${id}-to`), which their labels name. */
  id: string;
  labels: readonly [string, string];
  /** Length of the analysed record. */
  L: number;
  range: BaseRange;
  setRange: (r: BaseRange) => void;
}) {
  const { id, labels, L, range, setRange } = props;
  const input = (end: keyof BaseRange, label: string) => (
    <>
      <label htmlFor={`${id}-${end}`}>{label}</label>
      <input
        id={`${id}-${end}`}
        type="number"
        min={1}
        max={L}
        value={range[end]}
        onChange={(e) => setRange({ ...range, [end]: Number(e.target.value) })}
      />
    </>
  );
  return (
    <>
      {input('from', labels[0])}
      {input('to', labels[1])}
    </>
  );
}
